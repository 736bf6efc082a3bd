import Foundation
import KPIFacts
import KPISchema
import Testing

/// Where the money and service definitions part the two teams, record by record: cost basis on the orders of
/// ``MoneyMetricTests``, the settlement rows only one margin deducts, the 7- against the 14-day ad window, and
/// the tickets of ``TicketMetricTests`` that only one team's tags make complaints. One rate: 1 USD = 7.10 CNY.
@Suite struct MoneyReconciliationTests {
    private func reconcile(_ records: RecordSet, profiles: [DefinitionProfile], costs: CostHistory = CostHistory())
        throws -> (rows: [ReconciliationFact], details: [ReconciliationDetail])
    {
        let definitions = DefinitionSet(profiles)
        let fx = MoneyMetricTests.fx
        let (facts, _) = try MetricEngine(definitions: definitions, fx: fx, costs: costs).facts(from: records)
        var reconciler = Reconciler(definitions: definitions, fx: fx, pairs: [ProfilePair("cn", "us")], costs: costs)
        var bundles: [OrderKey: OrderBundle] = [:]
        for order in records.orders { bundles[order.key] = OrderBundle(order: order) }
        for line in records.lines { bundles[line.key]?.lines.append(line) }
        for refund in records.refunds { bundles[refund.key]?.refunds.append(refund) }
        for key in bundles.keys.sorted() { try reconciler.add(bundles[key]!) }
        for record in records.flat {
            switch record.kind {
            case .ticket: reconciler.add(ticket: record)
            case .fee: try reconciler.add(fee: record)
            case .adSpend: try reconciler.add(ad: record)
            default: continue
            }
        }
        return (reconciler.rows(facts: facts), reconciler.sortedDetails)
    }

    private func row(_ rows: [ReconciliationFact], _ metric: String, _ start: String = "2026-10-01") -> ReconciliationFact? {
        rows.first { $0.grain == .month && $0.periodStart.description == start && $0.scopeType == .company && $0.metric == metric }
    }

    private func details(_ all: [ReconciliationDetail], _ metric: String, _ start: String = "2026-10-01") -> [String] {
        all.filter { $0.metric == metric && $0.periodStart.description == start }.map {
            "\($0.recordID) \($0.inA ? "a" : "-")\($0.inB ? "b" : "-") \($0.valueA?.plainString ?? "·") \($0.valueBInA?.plainString ?? "·") "
                + $0.reasons.map(\.rawValue).joined(separator: ",")
        }
    }

    private func money() throws -> (rows: [ReconciliationFact], details: [ReconciliationDetail]) {
        try reconcile(MoneyMetricTests.records(), profiles: [MoneyMetricTests.cn, MoneyMetricTests.us], costs: MoneyMetricTests.costs)
    }

    @Test func costOfGoodsAtPurchaseAgainstLandedCost() throws {
        let (rows, all) = try money()
        // O1 (10 Oct in both zones): cn 2 × 71.00 + 10 USD × 7.10 = 213.00; us 2 × 78.10 + 10.50 USD × 7.10 = 230.75.
        // O2 (20 Oct Beijing, 19 Oct LA; A's cost in CNY, so no rate is involved): cn 56.80, us 63.90. O3's SKU C has
        // no cost on either side: no value to compare.
        #expect(details(all, "cogs") == ["amazon:O2 ab 56.8 63.9 cost_basis", "shopify:O1 ab 213 230.75 cost_basis"])
        let o1 = try #require(all.first { $0.metric == "cogs" && $0.recordID == "shopify:O1" })
        #expect(o1.explanation.en == "order shopify:O1 cost of goods CNY 213.00 at purchase cost for cn, CNY 230.75 at landed cost for us")
        // us's 41.50 USD is 230.75 + 63.90 = 294.65 CNY by the records' own days: 24.85 above cn's 269.80.
        let cogs = try #require(row(rows, "cogs"))
        #expect(cogs.valueA == Decimal(string: "269.8") && cogs.valueB == Decimal(string: "41.5")
                && cogs.valueBInA == Decimal(string: "294.65") && cogs.delta == Decimal(string: "24.85"))
        #expect(cogs.differingConcepts == "timezone,currency,cogs_basis" && cogs.recordsDiffering == 2)
    }

    @Test func settlementFeesOnlyOneMarginDeducts() throws {
        let (rows, all) = try money()
        // us deducts amz's commission 3.75 and fulfilment fee 3.25 and dtc's commission 2.05 (× 7.10: 26.625, 23.075,
        // 14.555); cn deducts none; the advertising row is no margin fee for either.
        #expect(details(all, "gross_margin") == [
            "amazon|S1|||ItemFees|Commission|| -b · 26.625 margin_fees",
            "amazon|S1|||ItemFees|FBAPerUnitFulfillmentFee|| -b · 23.075 margin_fees",
            "shopify|P1|||ItemFees|Commission|| -b · 14.555 margin_fees",
        ])
        let commission = try #require(all.first { $0.metric == "gross_margin" && $0.recordID.hasPrefix("shopify|P1") })
        #expect(commission.explanation.en == "fee shopify|P1|||ItemFees|Commission|| (Commission, USD 2.05) posted 2026-10-10 17:00 "
                + "America/Los_Angeles: deducted from gross margin in 2026-10 by us (margin_fees settlement), not by cn (margin_fees none)")
        let margin = try #require(row(rows, "gross_margin"))
        #expect(margin.valueA == Decimal(string: "0.6") && margin.valueB == Decimal(string: "0.467895")
                && margin.delta == Decimal(string: "-0.132105") && margin.recordsOnlyB == 3)
        #expect(margin.differingConcepts == "timezone,currency,cogs_basis,margin_fees")
    }

    @Test func adSalesInSevenAgainstFourteenDays() throws {
        let (rows, all) = try money()
        // 1 Oct: 40 USD in 7 days (284.00 CNY), 50 in 14 (355.00); 2 Oct: nothing attributed in either; 5 Nov: the
        // report has no 14-day column, so us's sales are unknown and nothing is compared.
        #expect(details(all, "ad_sales") == ["amazon|amz|2026-10-01|SP - A||A| ab 284 355 ad_attribution"])
        #expect(details(all, "ad_sales", "2026-11-01").isEmpty)
        #expect(all.first { $0.metric == "ad_sales" }?.explanation.en
                == "ad amazon|amz|2026-10-01|SP - A||A|: 7d sales USD 40.00 for cn, 14d sales USD 50.00 for us")
        let sales = try #require(row(rows, "ad_sales"))
        #expect(sales.valueA == 284 && sales.valueB == 50 && sales.valueBInA == 355 && sales.delta == 71)
        #expect(sales.differingConcepts == "currency,ad_attribution")
        // ACoS on those sales: 106.50 / 284 against 15 / 50.
        let acos = try #require(row(rows, "acos"))
        #expect(acos.valueA == Decimal(string: "0.375") && acos.valueB == Decimal(string: "0.3") && acos.delta == Decimal(string: "-0.075"))
    }

    @Test func ticketsOnlyOneTeamCallsComplaints() throws {
        // T6, tagged 投诉 on 15 Oct, is a complaint for cn (complaint, 投诉) and not for us (complaint). T3 was created
        // 1 Nov 04:00 Beijing = 31 Oct 13:00 LA: November for cn, October for us, where 投诉 is no complaint.
        var records = TicketMetricTests.records
        records.flat.append(TicketMetricTests.ticket("T6", created: "2026-10-15T00:00:00Z", solved: nil, replies: nil, reopens: nil,
                                                     tags: "投诉"))
        let (rows, all) = try reconcile(records, profiles: [TicketMetricTests.cn, TicketMetricTests.us])
        #expect(details(all, "complaint_rate") == ["zendesk:T3 -b · 0 period_boundary", "zendesk:T6 ab 1 0 complaint_tags"])
        #expect(details(all, "complaint_rate", "2026-11-01") == ["zendesk:T3 a- 1 · period_boundary"])
        #expect(all.first { $0.recordID == "zendesk:T6" }?.explanation.en
                == "ticket zendesk:T6 tagged `投诉`: a complaint for cn (complaint_tags complaint,投诉), not a complaint for us (complaint_tags complaint)")
        // October: cn T2 and T6 of T1, T2, T4, T6 (0.5); us T2 of T1, T2, T3, T4, T6 (0.2).
        let rate = try #require(row(rows, "complaint_rate"))
        #expect(rate.valueA == Decimal(string: "0.5") && rate.valueB == Decimal(string: "0.2") && rate.delta == Decimal(string: "-0.3"))
        #expect((rate.recordsOnlyA, rate.recordsOnlyB, rate.recordsDiffering) == (0, 1, 1))
        #expect(rate.differingConcepts == "timezone,complaint_tags")
    }

    /// A team that declares no complaint tags has no complaint rate: the row says so (no value on its side),
    /// and no ticket is listed as if it were counted on one side only.
    @Test func aTeamWithoutComplaintTagsListsNoTickets() throws {
        var plain = TicketMetricTests.us
        plain.complaintTags = []
        let (rows, all) = try reconcile(TicketMetricTests.records, profiles: [TicketMetricTests.cn, plain])
        #expect(!all.contains { $0.metric == "complaint_rate" })
        let rate = try #require(row(rows, "complaint_rate"))
        #expect(rate.valueA == Decimal(string: "0.333333") && rate.valueB == nil && rate.delta == nil)
        #expect(rate.differingConcepts == "timezone,complaint_tags")
    }
}
