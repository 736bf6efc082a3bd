import Foundation
import KPISchema
import KPIStore
import KPIStoreTesting
import Testing

/// Which time a fulfillment event keeps when sources disagree: the most authoritative source, then the
/// same connector's later file, then the connector whose id sorts first — never the arrival order.
@Suite struct EventAuthorityTests {
    static let key = OrderKey(platform: "shopify", orderID: "1001")

    /// A carrier_first_scan of order 1001 at `time` (UTC) as `connector` of `authority` said it.
    static func scan(_ time: String, _ connector: String, _ authority: EventAuthority, run: Int64) -> NormalizedRecord {
        .fulfillmentEvent(FulfillmentEvent(
            key: key, kind: .carrierFirstScan, occurredAt: Timestamp(instant: Instant(iso8601: time)!, zone: "UTC"),
            trackingNumber: nil, authority: authority,
            lineage: Lineage(connector: connector, file: "\(connector)-\(time).csv", line: 2, contentHash: time, runID: run)))
    }

    /// Loads order 1001, then each record as a file of its own in the given order; the stored event.
    private func stored(after records: [NormalizedRecord], _ backend: StoreBackend) throws -> FulfillmentEvent? {
        let order = NormalizedRecord.order(Order(
            key: Self.key, shop: "s", purchasedAt: Timestamp(instant: Instant(iso8601: "2026-10-01T00:00:00Z")!, zone: "UTC"),
            paidAt: nil, status: .shipped, statusRaw: "paid", currency: "USD", version: nil,
            lineage: Lineage(connector: "shopify.orders", file: "o.csv", line: 2, contentHash: "o", runID: 1)))
        let records = [order] + records
        let store = try backend.emptyStore()
        let run = try store.beginRun(command: "test", at: .now())
        for (index, record) in records.enumerated() {
            var reader: any RecordReader = ScriptedReader(records: [record])
            let file = FileToLoad(path: "inbox/\(index).csv", connector: "c",
                                  fingerprint: FileFingerprint(sha256: "sha\(index)", byteCount: 1, isUTF8: true),
                                  encoding: "utf-8", runID: run, at: Instant(iso8601: "2026-11-01T00:00:00Z")!)
            _ = try store.load(file, reader: &reader)
        }
        var events: [FulfillmentEvent] = []
        try store.forEachOrder { events += $0.events.values }
        return events.first
    }

    @Test(arguments: StoreBackend.available) func theCarrierKeepsItsScanWhicheverArrivesLast(_ backend: StoreBackend) throws {
        let carrier = Self.scan("2026-10-03T10:00:00Z", "carrier.tracking_xml", .carrier, run: 1)
        let erp = Self.scan("2026-10-02T09:00:00Z", "mabang.orders", .erp, run: 1)
        for records in [[carrier, erp], [erp, carrier]] {
            let event = try stored(after: records, backend)
            #expect(event?.occurredAt.instant.iso8601 == "2026-10-03T10:00:00Z")
            #expect(event?.authority == .carrier)
            #expect(event?.lineage.connector == "carrier.tracking_xml")
        }
    }

    @Test(arguments: StoreBackend.available) func aCorrectedExportOfTheSameConnectorReplacesItsEvent(_ backend: StoreBackend) throws {
        let first = Self.scan("2026-10-22T08:00:00Z", "mabang.orders", .erp, run: 1)
        let corrected = Self.scan("2026-11-03T08:00:00Z", "mabang.orders", .erp, run: 1)
        #expect(try stored(after: [first, corrected], backend)?.occurredAt.instant.iso8601
                == "2026-11-03T08:00:00Z")
    }

    @Test(arguments: StoreBackend.available) func twoERPsThatDisagreeSettleOnTheFirstConnectorId(_ backend: StoreBackend) throws {
        let dianxiaomi = Self.scan("2026-10-02T01:00:00Z", "dianxiaomi.sales", .erp, run: 1)
        let mabang = Self.scan("2026-10-02T05:00:00Z", "mabang.orders", .erp, run: 1)
        for records in [[dianxiaomi, mabang], [mabang, dianxiaomi], [dianxiaomi, mabang, mabang]] {
            let event = try stored(after: records, backend)
            #expect(event?.lineage.connector == "dianxiaomi.sales")
            #expect(event?.occurredAt.instant.iso8601 == "2026-10-02T01:00:00Z")
        }
    }
}
