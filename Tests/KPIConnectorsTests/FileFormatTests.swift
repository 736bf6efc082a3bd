import Foundation
import KPIConnectors
import KPISchema
import Testing

/// Workbook dates, and damaged XLSX, JSON and XML files failing with a clear message.
@Suite struct FileFormatTests {
    private func temporary(_ name: String, _ bytes: [UInt8]) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("kpibridge-\(UUID())-\(name)").path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test func serialDatesInBothSystems() {
        // 46300.75 days after 1899-12-30, and 44838.25 after 1904-01-01 (computed with Python's datetime).
        #expect(ExcelSerialDate.text(serial: 46300.75, system: .from1900) == "2026-10-05 18:00:00")
        #expect(ExcelSerialDate.text(serial: 44838.25, system: .from1904) == "2026-10-05 06:00:00")
        // Before Excel's phantom 1900-02-29 (serial 60) the 1900 system counts from 1899-12-31.
        #expect(ExcelSerialDate.text(serial: 59, system: .from1900) == "1900-02-28 00:00:00")
        #expect(ExcelSerialDate.text(serial: -1, system: .from1900) == nil)
    }

    @Test func workbookSheetsByNameAndPositionAndMissingSheet() throws {
        let path = sampleInbox + "/erp/库存盘点_20261031.xlsx"
        let book = try XLSXWorkbook(path: path, display: "库存.xlsx")
        #expect(book.sheetNames == ["库存"])
        var rows = try book.rows(sheet: "1")
        #expect(rows.next()?.fields.prefix(3) == ["SKU", "商品名称", "仓库"])
        #expect(rows.next()?.fields.last == "2026-10-31 00:00:00")  // a date cell, rendered as wall-clock text
        #expect(throws: FileFormatError(file: "库存.xlsx", message: Bilingual("no sheet `Stock`; the workbook has `库存`",
                                                                                 "没有工作表 `Stock`；工作簿里有 `库存`"))) {
            _ = try book.rows(sheet: "Stock")
        }
    }

    @Test func notAZipIsNotAWorkbook() throws {
        let path = try temporary("bad.xlsx", Array("PO#,Order#\n".utf8))
        #expect(throws: FileFormatError(file: "bad.xlsx", message: Bilingual("not an XLSX workbook (cannot open it as a zip archive)",
                                                                                "不是 XLSX 工作簿（无法作为 zip 压缩包打开）"))) {
            _ = try XLSXWorkbook(path: path, display: "bad.xlsx")
        }
    }

    @Test func truncatedJSONAndMalformedXMLFailTheFile() throws {
        do {
            _ = try JSONRecords.read(data: Data(#"{"tickets": [{"id": 1}, {"id": "#.utf8), path: "tickets", display: "t.json")
            Issue.record("expected an error")
        } catch {
            #expect(error.file == "t.json")
            #expect(error.message.en.hasPrefix("not valid JSON"))
            #expect(error.message.zh.hasPrefix("不是有效的 JSON（解析器："))
        }
        do {
            _ = try XMLRecords.read(data: Data("<Feed><Shipment><Activity></Shipment></Feed>".utf8), path: "Shipment/Activity", display: "f.xml")
            Issue.record("expected an error")
        } catch {
            #expect(error.message == Bilingual("not well-formed XML (line 1): an end tag does not match the element it closes (libxml2 error 76)",
                                               "不是格式正确的 XML（第 1 行；解析器：an end tag does not match the element it closes (libxml2 error 76)）"))
        }
    }

    /// FoundationXML traps on an element name that is not UTF-8 (FuzzTests found it in the carrier feed).
    @Test func xmlThatIsNotUTF8IsRefusedBeforeTheParserSeesIt() throws {
        let damaged = Data("<Feed><Ref".utf8) + Data([0xE5]) + Data("rence>1</Ref".utf8) + Data([0xE5]) + Data("rence></Feed>".utf8)
        #expect(throws: FileFormatError(file: "f.xml", message: Bilingual("is not valid UTF-8 (damaged, or written in another encoding without saying so)",
                                                                             "不是有效的 UTF-8（文件损坏，或用别的编码写入却没有声明）"))) {
            _ = try XMLRecords.read(data: damaged, path: "Feed", display: "f.xml")
        }
        let gbk = Data("<?xml version=\"1.0\" encoding=\"GBK\"?><Feed/>".utf8)
        #expect(throws: FileFormatError(file: "f.xml", message: Bilingual("declares encoding `GBK`; XML files are read as UTF-8 (re-export it as UTF-8)",
                                                                             "声明的编码是 `GBK`；XML 文件按 UTF-8 读取（请重新导出为 UTF-8）"))) {
            _ = try XMLRecords.read(data: gbk, path: "Feed", display: "f.xml")
        }
    }

    @Test func xmlThatDeclaresEntitiesIsRefusedBeforeParsing() throws {
        let feed = "<Feed><Shipment><Ref>&x;</Ref></Shipment></Feed>"
        let external = "<?xml version=\"1.0\"?>\n<!DOCTYPE Feed [\n  <!ENTITY x SYSTEM \"file:///etc/passwd\">\n]>\n" + feed
        #expect(throws: FileFormatError(file: "x.xml", message: Bilingual("declares the XML entity `x` (line 3); documents with entity "
                                                                                 + "declarations are refused (external files, expansion bombs)",
                                                                             "声明了 XML 实体 `x`（第 3 行）；带实体声明的文档一律拒绝（外部文件、膨胀攻击）"))) {
            _ = try XMLRecords.read(data: Data(external.utf8), path: "Shipment", display: "x.xml")
        }
        let laughs = "<!DOCTYPE Feed [<!ENTITY a \"ha\"><!ENTITY b \"&a;&a;&a;\">]>" + feed
        #expect(XMLRecords.declaredEntity(in: Data(laughs.utf8))?.name == "a")
        // A DOCTYPE without an internal subset, and entity-like text after it, are not declarations.
        #expect(XMLRecords.declaredEntity(in: Data("<!DOCTYPE Feed SYSTEM \"feed.dtd\"><Feed>&lt;!ENTITY</Feed>".utf8)) == nil)
        #expect(XMLRecords.declaredEntity(in: Data("<Feed><!-- <!ENTITY x 'y'> --></Feed>".utf8)) == nil)
    }

    @Test func jsonRecordsInheritTheirParentsScalars() throws {
        let data = Data(##"{"shipments": [{"reference": "#1", "tracker": {"carrier": "USPS", "tracking_details": [{"status": "in_transit", "at": 1.50}]}}]}"##.utf8)
        let records = try JSONRecords.read(data: data, path: "shipments.tracker.tracking_details", display: "s.json")
        #expect(records.map(\.values) == [["^reference": "#1", "^carrier": "USPS", "status": "in_transit", "at": "1.5"]])
    }
}
