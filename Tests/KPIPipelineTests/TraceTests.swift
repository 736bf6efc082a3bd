import Foundation
import KPIFacts
import KPIPipeline
import KPISchema
import KPIStoreTesting
import KPIText
import Testing

/// `explain` down to the records: on the sample, the records behind every metric line of every card, and
/// behind every company fact of October, replay to the stored row, and their shares add up to it.
@Suite struct TraceTests {
    /// The shares add up to the stored row: a sum's values to its value, a ratio's or mean's numerators and
    /// denominators to its numerator and denominator (each rounded as the fact rounds it).
    static func expectSharesAddUp(_ result: TraceJob.Result, sourceLocation: SourceLocation = #_sourceLocation) {
        let label = "\(result.target.metric.rawValue) \(result.target.profile) \(result.target.period.label) "
            + "\(result.target.scopeType.rawValue):\(result.target.scopeID)"
        guard let stored = result.stored else {
            Issue.record("\(label): no stored row", sourceLocation: sourceLocation)
            return
        }
        #expect(result.replayed == stored, "\(label)", sourceLocation: sourceLocation)
        #expect(result.records.reduce(0) { $0 + $1.records } == stored.recordCount, "\(label)", sourceLocation: sourceLocation)
        guard !FactTrace.wholePeriod.contains(result.target.metric) else { return }
        if let numerator = stored.numerator, let denominator = stored.denominator {
            let scale = stored.unit == "hours" ? 4 : 2
            #expect(result.records.compactMap(\.numerator).reduce(0, +).rounded(scale: scale) == numerator, "\(label)",
                    sourceLocation: sourceLocation)
            #expect(result.records.compactMap(\.denominator).reduce(0, +).rounded(scale: 2) == denominator, "\(label)",
                    sourceLocation: sourceLocation)
        } else {
            #expect(result.records.compactMap(\.value).reduce(0, +).rounded(scale: result.target.metric.scale) == stored.value,
                    "\(label)", sourceLocation: sourceLocation)
        }
    }

    /// Every record a trace finds behind a fact is in the fact's lineage in SQL (`v_fact_lineage`), but for
    /// those it lists as excluded (not the person's that day, shipped outside the period under this profile).
    static func expectInLineage(_ result: TraceJob.Result, _ lineage: [String: [[String: String]]],
                                sourceLocation: SourceLocation = #_sourceLocation) {
        let t = result.target
        let key = [t.period.grain.rawValue, t.period.start.description, t.scopeType.rawValue, t.scopeID, t.metric.rawValue, t.profile]
            .joined(separator: "|")
        let ids = LineageTests.tracedIDs(lineage[key] ?? [])
        for record in result.records where !record.excluded {
            #expect(ids.contains(record.id), "\(key): \(record.kind) \(record.id)", sourceLocation: sourceLocation)
        }
    }

    @Test func everyMetricLineOfEveryCardAddsUpToItsFact() throws {
        let ws = try TemporaryWorkspace.sample()
        _ = try ws.pipeline().run()
        let job = TraceJob(pipeline: try ws.pipeline())
        let lineage = try LineageTests.lineage(ws)
        var traced = 0
        for line in try ws.export("fact_score", .jsonl).split(separator: "\n") {
            let row = try JSONSerialization.jsonObject(with: Data(line.utf8)) as! [String: Any]
            func text(_ name: String) -> String? { row[name].flatMap { $0 is NSNull ? nil : "\($0)" } }
            guard let name = text("line"), name != "total", !name.hasPrefix("rating:"), let actual = text("actual") else { continue }
            let grain = Grain(rawValue: text("grain")!)!
            let period = grain.period(containing: CivilDate(iso: text("period_start")!)!)
            let target = try job.target(employee: text("scope_id")!, line: name, period: period)
            guard !FactTrace.untraceable.contains(target.metric.rawValue) else { continue }
            let result = try job.run(target)
            Self.expectSharesAddUp(result)
            Self.expectInLineage(result, lineage)
            #expect(result.stored?.value == Decimal(string: actual))
            traced += 1
        }
        #expect(traced >= 20)
    }

    @Test func everyCompanyFactOfOctoberAddsUp() throws {
        let ws = try TemporaryWorkspace.sample()
        _ = try ws.pipeline().run()
        let job = TraceJob(pipeline: try ws.pipeline())
        let october = Period(grain: .month, start: CivilDate(iso: "2026-10-01")!, end: CivilDate(iso: "2026-10-31")!)
        let lineage = try LineageTests.lineage(ws)
        var kinds: Set<String> = []
        for profile in ["cn", "us"] {
            for metric in MetricID.allCases where !FactTrace.untraceable.contains(metric.rawValue) {
                let result = try job.run(FactTarget(metric: metric, profile: profile, period: october, scopeType: .company, scopeID: "all"))
                guard result.stored != nil else {
                    #expect(result.replayed == nil, "\(metric) \(profile)")
                    continue
                }
                Self.expectSharesAddUp(result)
                Self.expectInLineage(result, lineage)
                kinds.formUnion(result.records.map(\.kind))
            }
        }
        // The us margin deducts settlement fees, and only amazon-us has settlements: its shop's margin has them.
        let margin = try job.run(FactTarget(metric: .grossMargin, profile: "us", period: october, scopeType: .shop, scopeID: "amazon-us"))
        Self.expectSharesAddUp(margin)
        kinds.formUnion(margin.records.map(\.kind))
        // Every kind of record a fact is made of was traced.
        #expect(kinds == ["order", "ticket", "traffic", "task", "review", "contract", "stock", "ad", "fee"])
    }

    @Test(arguments: StoreBackend.available) func aShopsGMVListsItsOrdersWithTheirLines(_ backend: StoreBackend) throws {
        let ws = try TemporaryWorkspace.sample(backend: backend)
        _ = try ws.pipeline().run()
        let job = TraceJob(pipeline: try ws.pipeline())
        let october = Period(grain: .month, start: CivilDate(iso: "2026-10-01")!, end: CivilDate(iso: "2026-10-31")!)
        let result = try job.run(try job.target(metric: "gmv", profile: "us", period: october, scope: "shop:amazon-us"))
        Self.expectSharesAddUp(result)
        // Order 112-1182324-2043333: one line of 29.99 in the October All Orders report, row 32.
        #expect(result.records.contains(TracedRecord(kind: "order", id: "amazon 112-1182324-2043333",
                                                     source: "inbox/amazon/All_Orders_20261001-20261031.txt:32", value: Decimal(string: "29.99"),
                                                     records: 1)))
        #expect(result.text(.en).hasSuffix("fact_metric: \(result.stored!.value) (\(result.stored!.recordCount) records): the records add up to it.\n"))
        #expect(result.text(.zh).contains("与上述记录之和相符"))
        #expect(result.csv().hasPrefix("kind,record,source,value,numerator,denominator,records,note\r\norder,"))
    }

    /// The us team counts an order shipped at the carrier's first scan: amazon 112-1031200-0000002, labelled on
    /// 31 October (Los Angeles) and scanned on 1 November, is no October shipment for them, and the trace of the
    /// shop's October says so beside the shipments it counts.
    @Test func anOrderAnotherDefinitionShipsInTheMonthIsListedWithWhy() throws {
        let ws = try TemporaryWorkspace.sample()
        _ = try ws.pipeline().run()
        let job = TraceJob(pipeline: try ws.pipeline())
        let october = Period(grain: .month, start: CivilDate(iso: "2026-10-01")!, end: CivilDate(iso: "2026-10-31")!)
        let result = try job.run(try job.target(metric: "shipped_orders", profile: "us", period: october, scope: "shop:amazon-us"))
        Self.expectSharesAddUp(result)
        let order = try #require(result.records.first { $0.id == "amazon 112-1031200-0000002" })
        #expect(order.excluded && order.records == 0 && order.value == nil)
        #expect(order.note == Bilingual(
            "not counted here: `us` counts shipped at `carrier_first_scan`, on 2026-11-01; its `label_printed` on 2026-10-31 falls in the period",
            "未计入：口径 `us` 以 `carrier_first_scan` 计为发货，在 2026-11-01；其 `label_printed` 在 2026-10-31，位于本周期"))
    }

    /// Hired on 20 October instead, Lily Zhang (E002) is credited with no ticket created before then; her trace
    /// lists those of her name or group as not hers, with the day and the hire date.
    @Test func ticketsBeforeAHireAreListedAsNotTheirs() throws {
        let ws = try TemporaryWorkspace.sample()
        let roster = try String(contentsOf: ws.root.appendingPathComponent("inbox/team/roster.csv"), encoding: .utf8)
        try ws.write("inbox/team/roster.csv", roster.replacingOccurrences(of: "夜班,2026-09-15,", with: "夜班,2026-10-20,"))
        _ = try ws.pipeline().run()
        let job = TraceJob(pipeline: try ws.pipeline())
        let october = Period(grain: .month, start: CivilDate(iso: "2026-10-01")!, end: CivilDate(iso: "2026-10-31")!)
        let result = try job.run(try job.target(metric: "first_response_hours", profile: "us", period: october, scope: "employee:E002"))
        let excluded = result.records.filter(\.excluded)
        #expect(!excluded.isEmpty)
        for record in excluded {
            #expect(record.kind == "ticket")
            let note = try #require(record.note?.en)
            #expect(note.hasPrefix("not theirs: created 2026-10-") && note.hasSuffix(", before the hire date 2026-10-20"))
        }
        // What is hers adds up to the stored fact, when she has one.
        if result.stored != nil { Self.expectSharesAddUp(result) }
    }
}
