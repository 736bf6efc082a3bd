import Foundation
import KPIFacts
import KPISchema
import Testing

/// Renewal rate, worked out by hand below: terms ending in a period, the share renewed, and no rate while
/// any of them is undecided.
@Suite struct RenewalRateTests {
    static let us = DefinitionProfile(name: "us", version: 1, zone: Zone("America/Los_Angeles")!, shipped: .carrierFirstScan,
                                      sales: .net, includeTax: false, includeShipping: false, currency: "USD")
    static let cn = DefinitionProfile(name: "cn", version: 1, zone: Zone("Asia/Shanghai")!, shipped: .labelPrinted,
                                      sales: .gross, includeTax: false, includeShipping: false, currency: "CNY")
    static let roster = Attribution(employees: [
        Employee(id: "P01", name: "星河代运营", role: "provider"),
        Employee(id: "E1", name: "一", team: "客户组", role: "客户经理", provider: "P01"),
    ])

    /// One term of `provider`'s `client`, ending on `due` with `outcome` (as the connector maps it).
    static func term(_ provider: String, _ client: String, _ due: String, _ outcome: String) -> FlatRecord {
        FlatRecord(kind: .contract, values: [.text(provider), .text(client), .date(CivilDate(iso: due)!), .text(outcome),
                                             nil, nil, nil],
                   lineage: Lineage(connector: "team.contracts", file: "f", line: 1, contentHash: "h", runID: 1))
    }

    /// September: P01 renews one, loses one; E1 (a P01 person) renews one. October: E1 renews one, and P01's
    /// other term is still pending. November: a term whose outcome reads `续约中`, a word the connector does not map.
    static let records = RecordSet(flat: [
        term("P01", "a", "2026-09-10", "renewed"), term("P01", "b", "2026-09-30", "lost"), term("E1", "c", "2026-09-15", "renewed"),
        term("E1", "d", "2026-10-05", "renewed"), term("P01", "e", "2026-10-31", "pending"),
        term("E1", "f", "2026-11-20", "续约中"),
    ])

    private func value(_ facts: [FactMetric], _ start: String, _ profile: String, _ scope: ScopeType, _ id: String) -> String? {
        facts.first { $0.metric == "renewal_rate" && $0.grain == .month && $0.periodStart.description == start
            && $0.profile == profile && $0.scopeType == scope && $0.scopeID == id }?.value.plainString
    }

    @Test func theShareOfTermsEndingInThePeriodThatWereRenewed() throws {
        let facts = try MetricEngine(profiles: [Self.cn, Self.us], fx: FXTable(rates: []), attribution: Self.roster)
            .facts(from: Self.records).facts
        for profile in ["cn", "us"] {  // dates as the register writes them: both teams agree
            // P01 counts its own terms and its person's: a, b, c → 2 of 3. E1: c → 1 of 1. The company: 2 of 3.
            #expect(value(facts, "2026-09-01", profile, .provider, "P01") == "0.666667")
            #expect(value(facts, "2026-09-01", profile, .employee, "E1") == "1")
            #expect(value(facts, "2026-09-01", profile, .team, "客户组") == "1")
            #expect(value(facts, "2026-09-01", profile, .company, "all") == "0.666667")
            // October: e is pending, so P01 and the company have no rate; E1's d alone is decided.
            #expect(value(facts, "2026-10-01", profile, .provider, "P01") == nil)
            #expect(value(facts, "2026-10-01", profile, .company, "all") == nil)
            #expect(value(facts, "2026-10-01", profile, .employee, "E1") == "1")
            // November: an outcome nobody mapped is not a loss.
            #expect(value(facts, "2026-11-01", profile, .employee, "E1") == nil)
        }
        let quarter = try #require(facts.first { $0.metric == "renewal_rate" && $0.grain == .quarter && $0.scopeType == .provider
            && $0.profile == "us" && $0.periodStart.description == "2026-07-01" })
        #expect(quarter.numerator == 2 && quarter.denominator == 3 && quarter.recordCount == 3)
        #expect(quarter.definition == "us/v1")
    }
}
