import Foundation
import KPISchema
import KPIStore
import KPIStoreTesting
import Testing

/// An incremental refresh reads only records dated in its window, chosen by the database.
@Suite struct ScopedReadTests {
    typealias T = PendingRefreshTests

    static func order(_ id: String, purchased: String, run: Int64) -> NormalizedRecord {
        .order(Order(key: OrderKey(platform: "amazon", orderID: id), shop: "amz", purchasedAt: T.at(purchased), paidAt: nil,
                     status: .shipped, statusRaw: "Shipped", currency: "USD", version: nil, lineage: T.lineage("f", run: run)))
    }

    @Test(arguments: StoreBackend.available) func ordersAndRecordsOutsideTheWindowAreNotRead(_ backend: StoreBackend) throws {
        let store = try backend.emptyStore()
        let run = try store.beginRun(command: "test", at: .now())
        var scanned = FulfillmentEvent(key: OrderKey(platform: "amazon", orderID: "B"), kind: .carrierFirstScan,
                                       occurredAt: T.at("2026-09-30T00:00:00Z"), trackingNumber: nil, lineage: T.lineage("f", run: run))
        let refund = Refund(key: OrderKey(platform: "amazon", orderID: "E"), refundID: "r1", amount: Money(5, "USD"),
                            refundedAt: T.at("2026-12-24T10:00:00Z"), lineage: T.lineage("f", run: run))
        var records: [NormalizedRecord] = [
            Self.order("A", purchased: "2026-09-29T23:59:59Z", run: run),
            Self.order("B", purchased: "2026-09-10T08:00:00Z", run: run), .fulfillmentEvent(scanned),
            Self.order("C", purchased: "2027-01-01T23:59:59Z", run: run),
            Self.order("D", purchased: "2027-01-02T00:00:00Z", run: run),
            Self.order("E", purchased: "2026-06-01T08:00:00Z", run: run), .refund(refund),
            T.ticket(created: "2026-09-29T23:00:00Z", "f", run: run),
        ]
        scanned.key = OrderKey(platform: "amazon", orderID: "A")
        scanned.occurredAt = T.at("2026-09-29T12:00:00Z")
        records.append(.fulfillmentEvent(scanned))
        var reader: any RecordReader = ScriptedReader(records: records)
        _ = try store.load(FileToLoad(path: "inbox/f", connector: "test", fingerprint: FileFingerprint(sha256: "f", byteCount: 1, isUTF8: true),
                                      encoding: "utf-8", runID: run, at: .now()), reader: &reader)

        // 31 Oct touched: Q4 is recomputed, so records from 30 Sep to 1 Jan (a day either side) are read.
        let scope = RecomputeScope(touching: [T.days("2026-10-31").first!], growthMetrics: [])
        var read: [String] = []
        try store.forEachOrder(within: scope) { read.append("\($0.order.key.orderID) events \($0.events.count) refunds \($0.refunds.count)") }
        #expect(read == ["B events 1 refunds 0", "C events 0 refunds 0", "E events 0 refunds 1"])
        var all = 0
        try store.forEachOrder { _ in all += 1 }
        #expect(all == 5)

        var tickets = 0
        try store.forEachFlat(.ticket, within: scope) { _ in tickets += 1 }
        #expect(tickets == 0)
        let earlier = RecomputeScope(touching: [T.days("2026-09-29").first!], growthMetrics: [])
        try store.forEachFlat(.ticket, within: earlier) { _ in tickets += 1 }
        #expect(tickets == 1)
    }
}
