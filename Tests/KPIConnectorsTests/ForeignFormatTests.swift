import Foundation
import KPIConnectors
import KPISchema
import Testing

/// A JSON, XML, HTML or zip file given to a CSV connector is told what it is, not shown its first bytes as
/// "headers found".
@Suite struct ForeignFormatTests {
    @Test(arguments: [
        ("{\"orders\": []}", "a JSON document"),
        ("\u{FEFF}\n  [ {\"id\": 1} ]", "a JSON document"),
        ("<?xml version=\"1.0\"?><orders/>", "an XML document"),
        ("<html><table><tr><td>SKU</td></tr></table></html>", "an HTML page (some tools save a table as HTML named .xls)"),
        ("PK\u{3}\u{4}rest", "a zip archive (an XLSX workbook?)"),
    ])
    func anotherFormatIsNamed(text: String, kind: String) throws {
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
