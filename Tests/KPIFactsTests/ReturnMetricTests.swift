import Foundation
import KPIFacts
import KPISchema
import Testing

/// Return rate and return cycle, worked out by hand below.
///
/// The China team (cn) counts a parcel shipped when its label is printed, in Beijing; the US team (us) at
/// the first carrier scan, in Los Angeles. Shop `amz` has a returns export; shop `dtc` has none.
@Suite struct ReturnMetricTests {
    static let cn = DefinitionProfile(name: "cn", version: 1, zone: Zone("Asia/Shanghai")!, shipped: .labelPrinted,
                                      sales: .gross, includeTax: false, includeShipping: false, currency: "USD")
    static let us = DefinitionProfile(name: "us", version: 1, zone: Zone("America/Los_Angeles")!, shipped: .carrierFirstScan,
                                      sales: .net, includeTax: false, includeShipping: false, currency: "USD")
    static let lineage = Lineage(connector: "test", file: "f", line: 1, contentHash: "h", runID: 1)
    static func ts(_ iso: String) -> Timestamp { Timestamp(instant: Instant(iso8601: iso)!, zone: "UTC") }
    static func key(_ id: String) -> OrderKey { OrderKey(platform: id == "O3" ? "shopify" : "amazon", orderID: id) }

    static func order(_ id: String, shop: String, at: String, sku: String, units: Int) -> (Order, OrderLine) {
        (Order(key: key(id), shop: shop, purchasedAt: ts(at), paidAt: nil, status: .shipped, statusRaw: "Shipped",
               currency: "USD", version: nil, lineage: lineage),
         OrderLine(key: key(id), lineID: "1", sku: sku, quantity: units, amount: Money(10, "USD"), tax: Money(0, "USD"),
                   shipping: Money(0, "USD"), version: nil, lineage: lineage))
    }

    static func event(_ id: String, _ kind: FulfillmentEventKind, _ at: String) -> FulfillmentEvent {
        FulfillmentEvent(key: key(id), kind: kind, occurredAt: ts(at), trackingNumber: nil, lineage: lineage)
    }

    /// O1 (amz): 3 × A, label 2 Oct, scan 3 Oct; one A back on 20 Oct, refunded 22 Oct 00:00 (1.5 days).
    /// O2 (amz): 2 × B, label 6 Oct, scan 31 Oct 20:00Z (31 Oct in LA); refunded 25 Oct, before one B came back
    /// on 31 Oct 18:00Z (1 Nov in Beijing, 31 Oct in LA): closed the day it arrived, 0 days.
    /// O3 (dtc): 1 unit, label 8 Oct, never scanned.
    static var records: RecordSet {
        let sales = [order("O1", shop: "amz", at: "2026-10-01T00:00:00Z", sku: "A", units: 3),
                     order("O2", shop: "amz", at: "2026-10-05T00:00:00Z", sku: "B", units: 2),
                     order("O3", shop: "dtc", at: "2026-10-07T00:00:00Z", sku: "C", units: 1)]
        return RecordSet(
            orders: sales.map(\.0), lines: sales.map(\.1),
            events: [event("O1", .labelPrinted, "2026-10-02T00:00:00Z"), event("O1", .carrierFirstScan, "2026-10-03T00:00:00Z"),
                     event("O2", .labelPrinted, "2026-10-06T00:00:00Z"), event("O2", .carrierFirstScan, "2026-10-31T20:00:00Z"),
                     event("O3", .labelPrinted, "2026-10-08T00:00:00Z")],
            refunds: [Refund(key: key("O1"), refundID: "r1", amount: Money(10, "USD"), refundedAt: ts("2026-10-22T00:00:00Z"), lineage: lineage),
                      Refund(key: key("O2"), refundID: "r2", amount: Money(10, "USD"), refundedAt: ts("2026-10-25T00:00:00Z"), lineage: lineage)],
            returns: [Return(key: key("O1"), returnID: "R1", sku: "A", quantity: 1, returnedAt: ts("2026-10-20T12:00:00Z"),
                             reason: "DEFECTIVE", lineage: lineage),
                      Return(key: key("O2"), returnID: "R2", sku: "B", quantity: 1, returnedAt: ts("2026-10-31T18:00:00Z"),
                             reason: nil, lineage: lineage)])
    }

    private func value(_ facts: [FactMetric], _ metric: String, _ start: String, _ profile: String,
                       _ scope: ScopeType = .company, _ id: String = "all") -> String? {
        facts.first { $0.metric == metric && $0.grain == .month && $0.periodStart.description == start && $0.profile == profile
            && $0.scopeType == scope && $0.scopeID == id }?.value.plainString
    }

    @Test func chinaTeam() throws {
        let facts = try MetricEngine(profiles: [Self.cn, Self.us], fx: FXTable(rates: [])).facts(from: Self.records).facts
        // Labels in October: 3 + 2 units from amz, 1 from dtc, whose returns nobody exports: no company rate.
        #expect(value(facts, "return_rate", "2026-10-01", "cn") == nil)
        // amz: 1 unit back in October (R2 is November in Beijing) of 5 shipped.
        #expect(value(facts, "return_rate", "2026-10-01", "cn", .shop, "amz") == "0.2")
        #expect(value(facts, "return_rate", "2026-11-01", "cn", .shop, "amz") == nil)  // nothing shipped in November
        // R1 closed on 22 October after 1.5 days; R2 closed on arrival, 1 November in Beijing.
        #expect(value(facts, "return_cycle_days", "2026-10-01", "cn") == "1.5")
        #expect(value(facts, "return_cycle_days", "2026-11-01", "cn") == "0")
    }

    @Test func usTeam() throws {
        let facts = try MetricEngine(profiles: [Self.cn, Self.us], fx: FXTable(rates: [])).facts(from: Self.records).facts
        // First scans in October: 3 + 2 units, all amz (O3 never scanned); both returns are October in LA: 2 / 5.
        #expect(value(facts, "return_rate", "2026-10-01", "us") == "0.4")
        // (1.5 + 0) / 2 days.
        #expect(value(facts, "return_cycle_days", "2026-10-01", "us") == "0.75")
    }
}
