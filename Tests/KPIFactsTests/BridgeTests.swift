import Foundation
import KPIFacts
import KPISchema
import Testing

/// The bridge over ReconcilerTests' records (orders P, L, D, R, ticket 4711, stock SKU-A), every step
/// worked out by hand from the values that suite derives.
@Suite struct BridgeTests {
    /// `cause effect value records` per step of the company's monthly bridge of `metric`.
    func walk(_ metric: String, _ start: String, profiles: [DefinitionProfile] = [ReconcilerTests.cn, ReconcilerTests.us],
              records: RecordSet = ReconcilerTests.records) throws -> [String] {
        let (facts, reconciler) = try ReconcilerTests().reconciler(profiles, records: records)
        let steps = reconciler.bridgeRows(for: reconciler.rows(facts: facts), facts: facts)
        return steps.filter { $0.metric == metric && $0.periodStart.description == start && $0.scopeType == .company }.map {
            "\($0.step) \($0.kind.code) \($0.effect?.plainString ?? "·") \($0.value?.plainString ?? "·") \($0.records.map(String.init) ?? "·")"
        }
    }

    @Test func salesWalkFromChinaToUSCauseByCause() throws {
        // October: cn 428.00 CNY; P counts only for us (+144.00 = 20 USD × 7.20, period boundary) → 572.00;
        // R converted at 7.10 instead of 7.12 (−1.00) → 571.00 = us's 80 USD in CNY.
        #expect(try walk("gmv", "2026-10-01") == ["0 start · 428 ·", "1 period_boundary 144 572 1", "2 currency -1 571 1",
                                                  "3 end · 571 ·"])
        // November: cn 360.00; P counts only for cn (−144.00) → 216.00; us deducts refund r1 (10 USD × 7.25 = −72.50)
        // → 143.50, us's 20 USD in CNY.
        #expect(try walk("gmv", "2026-11-01") == ["0 start · 360 ·", "1 period_boundary -144 216 1", "2 refund -72.5 143.5 1",
                                                  "3 end · 143.5 ·"])
    }

    @Test func aMeanWalksItsNumeratorAndDenominatorInTurn() throws {
        // October aov: cn 428 / 2 orders = 214.00. Period boundary: +144 and +1 order → 572 / 3 = 190.67 (−23.33);
        // currency: −1.00 → 571 / 3 = 190.33 (−0.34); us: 80 / 3 USD = 190.33 CNY. The effects sum to the delta.
        #expect(try walk("aov", "2026-10-01") == ["0 start · 214 ·", "1 period_boundary -23.33 190.67 1",
                                                  "2 currency -0.34 190.33 1", "3 end · 190.33 ·"])
        #expect(try walk("orders", "2026-10-01") == ["0 start · 2 ·", "1 period_boundary 1 3 1", "2 end · 3 ·"])
    }

    @Test func hoursThatDifferWithoutChangingPeriodAreBridgedWithoutADetailRow() throws {
        // Ticket 4711: 66 calendar hours for cn, 2 business hours for us, both in October.
        #expect(try walk("first_response_hours", "2026-10-01") == ["0 start · 66 ·", "1 response_time -64 2 1", "2 end · 2 ·"])
        // Missed cn's 24-hour SLA, met us's 8 business hours: both reasons at once, one cause.
        #expect(try walk("sla_response_rate", "2026-10-01") == ["0 start · 0 ·", "1 response_time,sla 1 1 1", "2 end · 1 ·"])
        // SKU-A: 0 in the system (a stockout for cn), 3 counted (none for us).
        #expect(try walk("stockout_rate", "2026-10-01") == ["0 start · 1 ·", "1 inventory -1 0 1", "2 end · 0 ·"])
    }

    @Test func aLaterVersionCountingARecordAgainIsComparedWhereBothTeamsCountIt() throws {
        // cn/v2 counts "shipped" when a parcel leaves the warehouse, from November. L: label printed 31 Oct
        // 23:50 Beijing (cn/v1: October), left the warehouse 1 Nov 03:00Z = 11:00 Beijing (cn/v2: November),
        // first scanned 1 Nov 17:12Z = 09:12 in LA (us: November).
        let (profiles, records) = ReconcilerTests.outboundFromNovember
        let (facts, reconciler) = try ReconcilerTests().reconciler(profiles, records: records)
        _ = reconciler.rows(facts: facts)
        let shipped = reconciler.sortedDetails.filter { $0.metric == "shipped_orders" && $0.grain == .month }.map {
            "\($0.periodStart) \($0.recordID) \($0.inA ? "a" : "-")\($0.inB ? "b" : "-") \($0.reasons.map(\.rawValue).joined(separator: ","))"
        }
        // October: L and R (labelled 11 Oct, never scanned) count for cn only. November: both teams count L,
        // so no row, and no version_change either.
        #expect(shipped == ["2026-10-01 amazon:L a- shipped_event", "2026-10-01 shopify:R a- event_missing"])
        // November's hours for L, from purchase (31 Oct 15:30Z): 11.5 h to leaving the warehouse for cn/v2, 25.7 h
        // to the first scan for us — the milestones differ, not the version.
        #expect(try walk("fulfillment_hours", "2026-11-01", profiles: profiles, records: records)
                == ["0 start · 11.5 ·", "1 shipped_event 14.2 25.7 1", "2 end · 25.7 ·"])
    }

    @Test func roundingIsAtMostWhatRoundingCanLeave() {
        // A count rounds to nothing: one order missing is a residual, never rounding.
        #expect(Reconciler.roundingTolerance(.additive, scale: 0, causes: 3) == 0)
        // Money: start, end and three effects each within half a cent: 2.5 cents.
        #expect(Reconciler.roundingTolerance(.additive, scale: 2, causes: 3) == Decimal(string: "0.025")!)
        // A ratio's effects telescope: one unit in the last place.
        #expect(Reconciler.roundingTolerance(.ratio, scale: 6, causes: 9) == Decimal(string: "0.000001")!)
    }

    @Test func aRatioWhoseWalkEmptiesItsDenominatorHasNoEffects() {
        // 1 of 1, then the one record leaves: no ratio to step to.
        #expect(Reconciler.walk(from: 1, 1, [(-1, -1)], scale: 6) == nil)
        // 1 of 1, then a record that does not count: 1 of 2.
        #expect(Reconciler.walk(from: 1, 1, [(0, 1)], scale: 6) == [Decimal(string: "-0.5")!])
    }
}
