import Foundation
import KPIConnectors
import KPISchema
import Testing

/// Detection routes a file only to a connector whose columns it mostly has: an Amazon order report once
/// "fit" a stock-take spec through its one generic `SKU` column and every row was quarantined.
@Suite struct DetectionMajorityTests {
    /// A stock-take layout whose columns but `SKU` all have defaults, so that `SKU` alone used to fit
    /// (its other column names are the shipped `erp.inventory`'s, so none is its own).
    private static let sparseSpec = """
        id: test.sparse_stock
        title: A stock-take with optional columns
        platform: erp
        timezone: Asia/Shanghai
        file:
          format: csv
          delimiter: comma
        fields:
          sku: {column: SKU, required: true}
          warehouse: {column: 仓库, default: ""}
          system_quantity: {column: 可用库存, type: integer, default: "0"}
          inbound_quantity: {column: 在途, type: integer, default: "0"}
          counted_quantity: {column: 实盘数量, type: integer, default: "0"}
          unit_cost: {column: 单位成本, type: decimal, default: "0"}
          currency: {column: 币种, default: ""}
          snapshot_date: {column: 盘点日期, type: date, formats: ["yyyy-MM-dd"], default: ""}
        records:
          inventory_snapshot:

        """

    /// The detector's choice for a file holding `text`, and the sparse spec's ranking entry.
    private func detect(_ text: String, shipped: Bool) throws -> (Result<Detection, DetectionError>, Detection?) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kpibridge-detect-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Self.sparseSpec.write(to: folder.appendingPathComponent("test.sparse_stock.yaml"), atomically: true, encoding: .utf8)
        let file = folder.appendingPathComponent("export.csv").path
        try text.write(toFile: file, atomically: true, encoding: .utf8)
        let detector = ConnectorDetector(catalog: try ConnectorCatalog(directories: (shipped ? [shippedConnectors] : []) + [folder.path]))
        let fingerprint = try FileFingerprint.compute(path: file)
        return (detector.choose(path: file, display: "export.csv", fingerprint: fingerprint),
                detector.rank(path: file, display: "export.csv", fingerprint: fingerprint).first { $0.connector == "test.sparse_stock" })
    }

    @Test func oneGenericColumnIsNoFit() throws {
        let (choice, sparse) = try detect("order-id,SKU,qty,item-price\n1,A,1,9.99\n", shipped: true)
        #expect((try? choice.get()) == nil)
        #expect(sparse?.matched == 1 && sparse?.missing == [] && sparse?.fits == false)
    }

    /// Most of its columns fit, though none is its own.
    @Test func mostColumnsFit() throws {
        let (choice, _) = try detect("SKU,仓库,可用库存,在途,实盘数量\nA,深圳仓,5,0,5\n", shipped: false)
        #expect((try? choice.get())?.connector == "test.sparse_stock")
    }
}
