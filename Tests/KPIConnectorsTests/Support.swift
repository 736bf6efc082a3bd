import Foundation
import KPIConnectors
import KPISchema

/// The repository's `connectors/` folder, where the shipped specs live.
let shippedConnectors = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("connectors").path

func fixture(_ name: String) -> String {
    Bundle.module.url(forResource: "Fixtures/\(name)", withExtension: nil)!.path
}

/// Reads a fixture with a shipped connector into memory.
func read(_ connectorID: String, _ fixtureName: String, shop: String? = nil, currency: String? = nil,
          period: String? = nil, timezone: String? = nil, runID: Int64 = 7, salt: String? = nil) throws -> (CollectingSink, ReadStats) {
    let catalog = try ConnectorCatalog(directories: [shippedConnectors])
    let path = fixture(fixtureName)
    var context = SourceContext(displayPath: fixtureName, fingerprint: try FileFingerprint.compute(path: path),
                                runID: runID, shop: shop, timezone: timezone, currency: currency,
                                period: period.flatMap(DateRange.init(parsing:)))
    context.customerSalt = salt.flatMap(CustomerSalt.init)
    var reader = try catalog.connector(connectorID).open(path: path, context: context)
    var sink = CollectingSink()
    let stats = try reader.read(into: &sink)
    return (sink, stats)
}

/// A byte source that hands out one byte at a time, to test chunk-boundary handling.
final class TricklingSource: ByteSource {
    private var bytes: [UInt8]
    private var index = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    func read(into buffer: inout [UInt8]) throws -> Int {
        guard index < bytes.count else { return 0 }
        buffer.append(bytes[index])
        index += 1
        return 1
    }
}

/// An in-memory byte source in chunks of `size`.
final class MemorySource: ByteSource {
    private var bytes: [UInt8]
    private var index = 0
    private let size: Int

    init(_ text: String, chunk size: Int = 1 << 16) {
        bytes = Array(text.utf8)
        self.size = size
    }

    init(bytes: [UInt8], chunk size: Int = 1 << 16) {
        self.bytes = bytes
        self.size = size
    }

    func read(into buffer: inout [UInt8]) throws -> Int {
        let end = min(bytes.count, index + size)
        buffer.append(contentsOf: bytes[index..<end])
        defer { index = end }
        return end - index
    }
}

func scanAll(_ text: String, _ format: DelimitedFormat = .csv, chunk: Int = 1 << 16) throws -> [SourceRow] {
    var scanner = DelimitedScanner(source: MemorySource(text, chunk: chunk), format: format)
    var out: [SourceRow] = []
    while let record = try scanner.next() { out.append(record) }
    return out
}

/// One stable line per record: the golden files hold these.
func render(_ records: [NormalizedRecord]) -> String {
    func ts(_ t: Timestamp?) -> String { t.map { "\($0.instant.iso8601)@\($0.zone)" } ?? "-" }
    return records.map { record in
        switch record {
        case .order(let o):
            return "order \(o.key) shop=\(o.shop) purchased=\(ts(o.purchasedAt)) paid=\(ts(o.paidAt)) status=\(o.status.rawValue)(\(o.statusRaw)) currency=\(o.currency) version=\(o.version?.iso8601 ?? "-") line=\(o.lineage.line)\(o.customer.map { " customer=\($0)" } ?? "")"
        case .orderLine(let l):
            return "line \(l.key) id=\(l.lineID) sku=\(l.sku) qty=\(l.quantity) amount=\(l.amount) tax=\(l.tax) shipping=\(l.shipping) version=\(l.version?.iso8601 ?? "-") line=\(l.lineage.line)"
        case .fulfillmentEvent(let e):
            return "event \(e.key) \(e.kind.rawValue) at=\(ts(e.occurredAt)) tracking=\(e.trackingNumber ?? "-") line=\(e.lineage.line)"
        case .refund(let r):
            return "refund \(r.key) id=\(r.refundID) amount=\(r.amount) at=\(ts(r.refundedAt)) line=\(r.lineage.line)"
        case .return(let r):
            return "return \(r.key) id=\(r.returnID) sku=\(r.sku) qty=\(r.quantity) at=\(ts(r.returnedAt)) reason=\(r.reason ?? "-") line=\(r.lineage.line)"
        case .flat(let f):
            let values = zip(f.kind.schema.fields, f.values).compactMap { field, value -> String? in
                guard let value else { return nil }
                if case .timestamp(let t) = value { return "\(field.name)=\(ts(t))" }
                return "\(field.name)=\(value.storageText)"
            }
            return ([f.kind.rawValue] + values + ["line=\(f.lineage.line)"]).joined(separator: " ")
        }
    }.joined(separator: "\n") + "\n"
}
