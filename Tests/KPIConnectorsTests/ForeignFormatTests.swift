import Foundation
import KPIConnectors
import KPISchema
import Testing

/// A JSON, XML, HTML or zip file given to a CSV connector is told what it is, not shown its first bytes as
/// "headers found".
@Suite struct ForeignFormatTests {
    @Test(arguments: [
        ("{\"orders\": []}", "a JSON document", "一个 JSON 文档"),
        ("\u{FEFF}\n  [ {\"id\": 1} ]", "a JSON document", "一个 JSON 文档"),
        ("<?xml version=\"1.0\"?><orders/>", "an XML document", "一个 XML 文档"),
        ("<html><table><tr><td>SKU</td></tr></table></html>", "an HTML page (some tools save a table as HTML named .xls)",
         "一个 HTML 网页（有些工具把表格存成 HTML 却命名为 .xls）"),
        ("PK\u{3}\u{4}rest", "a zip archive (an XLSX workbook?)", "一个 zip 压缩包（XLSX 工作簿？）"),
    ])
    func anotherFormatIsNamed(text: String, kind: String, kindZh: String) throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("kpibridge-foreign-\(UUID()).csv").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let context = SourceContext(displayPath: "orders.csv", fingerprint: try FileFingerprint.compute(path: path), runID: 1,
                                    shop: "shopify-dtc")
        let error = #expect(throws: FileFormatError.self) {
            _ = try ConnectorCatalog(directories: [shippedConnectors]).connector("shopify.orders").open(path: path, context: context)
        }
        #expect(error?.description == "orders.csv: this is \(kind), not the comma-separated text `shopify.orders` reads; nothing of it "
            + "was loaded: name a connector for its format in `sources:`, or check it with `kpibridge connectors detect`")
        #expect(error?.sentence.zh == "orders.csv：这是\(kindZh)，不是 `shopify.orders` 读取的逗号分隔文本；其内容一概未加载："
            + "请在 `sources:` 中为它的格式指定连接器，或用 `kpibridge connectors detect` 检查")
    }

    /// A CSV whose first header is bracketed is still a CSV.
    @Test func aBracketedHeaderIsNotJSON() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("kpibridge-foreign-\(UUID()).csv").path
        try "[SKU],[Qty]\nA,1\n".write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let context = SourceContext(displayPath: "x.csv", fingerprint: try FileFingerprint.compute(path: path), runID: 1, shop: "s")
        #expect(throws: MissingColumnsError.self) {
            _ = try ConnectorCatalog(directories: [shippedConnectors]).connector("shopify.orders").open(path: path, context: context)
        }
    }
}
