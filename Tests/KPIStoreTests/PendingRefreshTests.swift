import Foundation
import KPISchema
import KPIStore
import KPIStoreTesting
import Testing

/// What a load leaves for the next incremental refresh: the orders and days its records changed.
@Suite struct PendingRefreshTests {
    static let key = OrderKey(platform: "amazon", orderID: "111-1")

    static func at(_ text: String) -> Timestamp { Timestamp(instant: Instant(iso8601: text)!, zone: "UTC") }

    static func lineage(_ file: String, run: Int64) -> Lineage {
        Lineage(connector: "test", file: file, line: 2, contentHash: "h-\(file)", runID: run)
    }

    static func order(_ file: String, run: Int64, version: String? = nil) -> NormalizedRecord {
        .order(Order(key: key, shop: "amz", purchasedAt: at("2026-10-01T08:00:00Z"), paidAt: nil, status: .shipped,
                     statusRaw: "Shipped", currency: "USD", version: version.flatMap(Instant.init(iso8601:)),
                     lineage: lineage(file, run: run)))
    }

    static func shipped(_ time: String, _ file: String, run: Int64) -> NormalizedRecord {
        .fulfillmentEvent(FulfillmentEvent(key: key, kind: .carrierFirstScan, occurredAt: at(time), trackingNumber: "T1",
                                           lineage: lineage(file, run: run)))
    }

    static func ticket(created: String, _ file: String, run: Int64) -> NormalizedRecord {
        var values = [FlatValue?](repeating: nil, count: FlatKind.ticket.schema.fields.count)
        values[0] = .text("zendesk")
        values[1] = .text("T-9")
        values[2] = .timestamp(at(created))
        return .flat(FlatRecord(kind: .ticket, values: values, lineage: lineage(file, run: run)))
    }

    static func days(_ texts: String...) -> Set<CivilDate> { Set(texts.map { CivilDate(iso: $0)! }) }

    private func load(_ store: any WarehouseStore, _ name: String, run: Int64, _ records: [NormalizedRecord]) throws {
        var reader: any RecordReader = ScriptedReader(records: records)
        _ = try store.load(FileToLoad(path: "inbox/\(name)", connector: "test",
                                      fingerprint: FileFingerprint(sha256: name, byteCount: 1, isUTF8: true),
                                      encoding: "utf-8", runID: run, at: Instant(iso8601: "2026-11-03T00:00:00Z")!),
                           reader: &reader)
    }

    private func firstFile(_ store: any WarehouseStore) throws -> String? {
        var file: String?
        try store.forEachOrder { file = $0.order.lineage.file }
        return file
    }

    @Test(arguments: StoreBackend.available) func changedRecordsMarkTheirOrdersAndDays(_ backend: StoreBackend) throws {
        let store = try backend.emptyStore()
        let run = try store.beginRun(command: "test", at: .now())
        #expect(try store.pendingRefresh() == PendingRefresh())

        try load(store, "a", run: run, [Self.order("a", run: run), Self.shipped("2026-10-31T22:00:00Z", "a", run: run),
                                        Self.ticket(created: "2026-10-05T03:00:00Z", "a", run: run)])
        // The order's purchase and scan days, and the ticket's day.
        #expect(try store.pendingRefresh() == PendingRefresh(days: Self.days("2026-10-01", "2026-10-31", "2026-10-05"), orders: 1))

        let clock = Instant(iso8601: "2026-11-03T02:30:00Z")!
        try store.completeRefresh(basis: "basis-1", asOf: clock, runID: run)
        #expect(try store.pendingRefresh() == PendingRefresh(basis: "basis-1", asOf: clock))

        // The same records from another file change nothing, lineage included.
        try load(store, "b", run: run, [Self.order("b", run: run), Self.shipped("2026-10-31T22:00:00Z", "b", run: run),
                                        Self.ticket(created: "2026-10-05T03:00:00Z", "b", run: run)])
        #expect(try store.pendingRefresh() == PendingRefresh(basis: "basis-1", asOf: clock))
        #expect(try firstFile(store) == "a")

        // A corrected scan moves the shipment from 31 Oct to 2 Nov: both days count, and the order's purchase day.
        try load(store, "c", run: run, [Self.shipped("2026-11-02T01:00:00Z", "c", run: run)])
        #expect(try store.pendingRefresh()
                == PendingRefresh(days: Self.days("2026-10-01", "2026-10-31", "2026-11-02"), orders: 1, basis: "basis-1", asOf: clock))
        try store.completeRefresh(basis: "basis-1", asOf: clock, runID: run)

        // A plain-data record keeps its old day too.
        try load(store, "d", run: run, [Self.ticket(created: "2026-10-07T03:00:00Z", "d", run: run)])
        #expect(try store.pendingRefresh() == PendingRefresh(days: Self.days("2026-10-05", "2026-10-07"), basis: "basis-1", asOf: clock))
    }

    @Test(arguments: StoreBackend.available) func anOlderVersionLeftAloneMarksNothing(_ backend: StoreBackend) throws {
        let store = try backend.emptyStore()
        let run = try store.beginRun(command: "test", at: .now())
        try load(store, "new", run: run, [Self.order("new", run: run, version: "2026-10-05T00:00:00Z")])
        try store.completeRefresh(basis: "b", asOf: Instant(iso8601: "2026-11-03T00:00:00Z")!, runID: run)
        try load(store, "old", run: run, [Self.order("old", run: run, version: "2026-10-02T00:00:00Z")])
        #expect(try store.pendingRefresh().orders == 0)
        #expect(try firstFile(store) == "new")
        // A newer version does mark it.
        try load(store, "newer", run: run, [Self.order("newer", run: run, version: "2026-10-09T00:00:00Z")])
        #expect(try store.pendingRefresh().orders == 1)
    }

    @Test(arguments: StoreBackend.available) func aFileThatFailsMarksNothing(_ backend: StoreBackend) throws {
        let store = try backend.emptyStore()
        let run = try store.beginRun(command: "test", at: .now())
        var reader: any RecordReader = ScriptedReader(records: [Self.order("x", run: run), Self.ticket(created: "2026-10-05T03:00:00Z", "x", run: run)],
                                                      failAfter: 1)
        #expect(throws: ScriptedReader.Boom.self) {
            try store.load(FileToLoad(path: "inbox/x", connector: "test",
                                      fingerprint: FileFingerprint(sha256: "x", byteCount: 1, isUTF8: true),
                                      encoding: "utf-8", runID: run, at: .now()), reader: &reader)
        }
        #expect(try store.pendingRefresh() == PendingRefresh())
    }
}
