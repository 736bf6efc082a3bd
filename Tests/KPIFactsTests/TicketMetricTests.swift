import Foundation
import KPIFacts
import KPISchema
import Testing

/// Handling hours, first-contact resolution and complaint rate, worked out by hand below.
///
/// The China team (cn) counts days in Beijing and calls `complaint` and `投诉` complaints; the US team (us)
/// counts days in Los Angeles and only `complaint`. Both on calendar hours.
@Suite struct TicketMetricTests {
    static let cn = DefinitionProfile(name: "cn", version: 1, zone: Zone("Asia/Shanghai")!, shipped: .labelPrinted,
                                      sales: .gross, includeTax: false, includeShipping: false, currency: "CNY",
                                      complaintTags: ["complaint", "投诉"])
    static let us = DefinitionProfile(name: "us", version: 1, zone: Zone("America/Los_Angeles")!, shipped: .carrierFirstScan,
                                      sales: .net, includeTax: false, includeShipping: false, currency: "USD",
                                      complaintTags: ["complaint"])
    static let lineage = Lineage(connector: "test", file: "f", line: 1, contentHash: "h", runID: 1)

    static func ticket(_ id: String, created: String, solved: String?, replies: Int?, reopens: Int?, tags: String?) -> FlatRecord {
        var fields: [String: FlatValue] = [
            "system": .text("zendesk"), "ticket_id": .text(id),
            "created_at": .timestamp(Timestamp(instant: Instant(iso8601: created)!, zone: "UTC")),
        ]
        if let tags { fields["tags"] = .text(tags) }
        if let solved { fields["solved_at"] = .timestamp(Timestamp(instant: Instant(iso8601: solved)!, zone: "UTC")) }
        if let replies { fields["replies"] = .integer(replies) }
        if let reopens { fields["reopens"] = .integer(reopens) }
        return FlatRecord(kind: .ticket, values: FlatKind.ticket.schema.fields.map { fields[$0.name] }, lineage: lineage)
    }

    /// T1 solved in 24 h at the first reply; T2 reopened and solved after 60 h, a complaint; T3 bought on the
    /// month boundary (1 Nov 04:00 Beijing, 31 Oct 13:00 LA), solved in 6 h, tagged 投诉, from an export
    /// without reopens; T4 still open.
    static let records = RecordSet(flat: [
        ticket("T1", created: "2026-10-05T09:00:00Z", solved: "2026-10-06T09:00:00Z", replies: 1, reopens: 0, tags: "wismo shipping"),
        ticket("T2", created: "2026-10-10T00:00:00Z", solved: "2026-10-12T12:00:00Z", replies: 3, reopens: 1, tags: "Complaint defect"),
        ticket("T3", created: "2026-10-31T20:00:00Z", solved: "2026-11-01T02:00:00Z", replies: 1, reopens: nil, tags: "投诉,return"),
        ticket("T4", created: "2026-10-20T00:00:00Z", solved: nil, replies: 0, reopens: 0, tags: ""),
    ])

    private func month(_ facts: [FactMetric], _ start: String, _ profile: String) -> [String: String] {
        var out: [String: String] = [:]
        for f in facts where f.grain == .month && f.periodStart.description == start && f.scopeType == .company
            && f.profile == profile && ["handle_hours", "fcr_rate", "complaint_rate"].contains(f.metric) {
            out[f.metric] = f.value.plainString
        }
        return out
    }

    @Test func chinaTeam() throws {
        let facts = try MetricEngine(profiles: [Self.cn, Self.us], fx: FXTable(rates: [])).facts(from: Self.records).facts
        // October: created T1, T2, T4, of which T2 a complaint (1/3); solved T1 and T2: (24 + 60) / 2 hours, T1 alone
        // at the first contact (1/2). November: T3, a 投诉, solved in 6 h; whether at the first contact is unknown.
        #expect(month(facts, "2026-10-01", "cn") == ["handle_hours": "42", "fcr_rate": "0.5", "complaint_rate": "0.333333"])
        #expect(month(facts, "2026-11-01", "cn") == ["handle_hours": "6", "complaint_rate": "1"])
    }

    @Test func usTeam() throws {
        let facts = try MetricEngine(profiles: [Self.cn, Self.us], fx: FXTable(rates: [])).facts(from: Self.records).facts
        // October in LA: all four created, T2 the one complaint (投诉 is not the US team's tag); T1, T2 and T3
        // solved: (24 + 60 + 6) / 3 hours; T3's reopens are unknown, so no first-contact rate at all.
        #expect(month(facts, "2026-10-01", "us") == ["handle_hours": "30", "complaint_rate": "0.25"])
        #expect(month(facts, "2026-11-01", "us").isEmpty)
    }

    /// T5 comes from a view export without a tags column: October's rate would be 1/4 with it counted as "no
    /// complaint"; it is absent instead, for both teams, while November (T3 alone, for cn) keeps its rate.
    @Test func aTicketWhoseTagsAreUnknownLeavesTheRateAbsent() throws {
        var records = Self.records
        records.flat.append(Self.ticket("T5", created: "2026-10-15T00:00:00Z", solved: nil, replies: nil, reopens: nil, tags: nil))
        let facts = try MetricEngine(profiles: [Self.cn, Self.us], fx: FXTable(rates: [])).facts(from: records).facts
        #expect(month(facts, "2026-10-01", "cn") == ["handle_hours": "42", "fcr_rate": "0.5"])
        #expect(month(facts, "2026-10-01", "us") == ["handle_hours": "30"])
        #expect(month(facts, "2026-11-01", "cn") == ["handle_hours": "6", "complaint_rate": "1"])
    }

    @Test func noComplaintRuleNoComplaintRate() throws {
        var plain = Self.cn
        plain.complaintTags = []
        let facts = try MetricEngine(profiles: [plain], fx: FXTable(rates: [])).facts(from: Self.records).facts
        #expect(!facts.contains { $0.metric == "complaint_rate" })
        #expect(plain.definition(using: MetricID.complaintRate.concepts) == "cn/v1 timezone=Asia/Shanghai complaint_tags=undeclared")
    }
}
