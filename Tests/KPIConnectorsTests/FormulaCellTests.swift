import Foundation
import KPIConnectors
import KPISchema
import Testing
import ZIPFoundation

/// A workbook cell holding a formula with no cached result reads as empty, but its value is unknown:
/// the row is quarantined with that reason instead of loading the line at 0.
@Suite struct FormulaCellTests {
    /// A minimal Walmart order report: a header and two PO lines; `cost2` is the second line's Item
    /// Cost cell, written as given.
    private func workbook(cost2: String) throws -> String {
        let header = ["PO#", "Order#", "Order Date", "Line#", "Status", "SKU", "Qty", "Item Cost", "Shipping Cost", "Tax",
                      "Tracking Number"]
        func inline(_ text: String, _ ref: String) -> String { "<c r=\"\(ref)\" t=\"inlineStr\"><is><t>\(text)</t></is></c>" }
        let letters = Array("ABCDEFGHIJK").map(String.init)
        var rows = "<row r=\"1\">" + zip(header, letters).map { inline($0, $1 + "1") }.joined() + "</row>"
        rows += "<row r=\"2\">" + inline("P1", "A2") + inline("O1", "B2") + inline("10/05/2026 09:00", "C2") + "<c r=\"D2\"><v>1</v></c>"
            + inline("Shipped", "E2") + inline("SKU-A", "F2") + "<c r=\"G2\"><v>2</v></c><c r=\"H2\"><v>12.5</v></c>"
            + "<c r=\"I2\"><v>0</v></c><c r=\"J2\"><v>0</v></c></row>"
        rows += "<row r=\"3\">" + inline("P2", "A3") + inline("O2", "B3") + inline("10/05/2026 10:00", "C3") + "<c r=\"D3\"><v>1</v></c>"
            + inline("Shipped", "E3") + inline("SKU-B", "F3") + "<c r=\"G3\"><v>3</v></c>" + cost2
            + "<c r=\"I3\"><v>0</v></c><c r=\"J3\"><v>0</v></c></row>"
        let parts: [(String, String)] = [
            ("[Content_Types].xml", "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>"),
            ("xl/workbook.xml", "<?xml version=\"1.0\"?><workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
                + "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets>"
                + "<sheet name=\"Orders\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>"),
            ("xl/_rels/workbook.xml.rels", "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" "
                + "Target=\"worksheets/sheet1.xml\"/></Relationships>"),
            ("xl/worksheets/sheet1.xml", "<?xml version=\"1.0\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
                + "<sheetData>\(rows)</sheetData></worksheet>"),
        ]
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("walmart-\(UUID()).xlsx")
        let archive = try Archive(url: url, accessMode: .create)
        for (name, text) in parts {
            let data = Data(text.utf8)
            try archive.addEntry(with: name, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        return url.path
    }

    private func read(_ path: String) throws -> CollectingSink {
        defer { try? FileManager.default.removeItem(atPath: path) }
        let catalog = try ConnectorCatalog(directories: [shippedConnectors])
        let context = SourceContext(displayPath: "walmart.xlsx", fingerprint: try FileFingerprint.compute(path: path), runID: 1,
                                    timezone: "America/Los_Angeles", currency: "USD")
        var reader = try catalog.connector("walmart.orders").open(path: path, context: context)
        var sink = CollectingSink()
        _ = try reader.read(into: &sink)
        return sink
    }

    private func lines(_ sink: CollectingSink) -> [String] {
        sink.records.compactMap { if case .orderLine(let l) = $0 { "\(l.key.orderID) \(l.sku) \(l.amount)" } else { nil } }
    }

    @Test func aFormulaWithoutACachedValueQuarantinesItsRow() throws {
        let sink = try read(try workbook(cost2: "<c r=\"H3\"><f>H2*2</f></c>"))
        #expect(lines(sink) == ["P1 SKU-A 25 USD"])
        #expect(sink.quarantined.map(\.reason.en) == [
            "walmart.xlsx:3:8: Item Cost: a formula the workbook holds no result for (never calculated); expected a value "
                + "— recalculate and save it in Excel, or paste values",
        ])
        #expect(sink.quarantined.map(\.reason.zh) == [
            "walmart.xlsx:3:8：Item Cost：公式在工作簿中没有计算结果（从未计算）；应为数值——请在 Excel 中重新计算并保存，或粘贴为数值",
        ])
    }

    @Test func aFormulaWithItsCachedValueReadsTheValue() throws {
        let sink = try read(try workbook(cost2: "<c r=\"H3\"><f>H2*2</f><v>25</v></c>"))
        #expect(lines(sink) == ["P1 SKU-A 25 USD", "P2 SKU-B 75 USD"])
        #expect(sink.quarantined.isEmpty)
    }
}
