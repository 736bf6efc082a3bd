import Foundation
import KPIFacts
import KPISchema

extension ReportPage {
    /// One company-level metric on which the two profiles disagree: both values, the delta and why.
    struct ReconciledMetric: Sendable {
        let name: String
        let code: String
        let profileA: String
        let valueA: String
        let profileB: String
        let valueB: String
        let delta: String
        let concepts: String
        let counts: String
    }

    /// A record behind the differences, shown once with every metric it moves.
    struct ReconciledRecord: Sendable {
        let record: String
        let shop: String
        let reasons: String
        /// `Sales (GMV): cn 98.00 CNY · us –`, one per metric, in catalog order.
        let metrics: [String]
        /// Its distinct explanations (a purchase's boundary and its shipment's event are two stories).
        let explanations: [String]
        let source: String
    }

    /// The records section: heading, the rows, and what is left out.
    struct RecordsSection: Sendable {
        let heading: String
        let records: [ReconciledRecord]
        let more: String?
    }

    /// Records listed in the report; the rest are in `reconciliation_detail` and `kpibridge reconcile --records`.
    static let recordsShown = 40

    /// Company-level disagreements in catalog order, and a note when there are none or records are not kept.
    static func reconciliation(_ input: ReportInput, _ words: ReportWords) -> ([ReconciledMetric], String?) {
        let language = input.language
        let differing = differingFacts(input)
        let metrics = differing.map { fact -> ReconciledMetric in
            let unit = fact.unit
            let valueA = fact.valueA.map { NumberText.value($0, unit: unit, currency: fact.currency) } ?? words.noData
            var valueB = words.noData
            if let b = fact.valueB {
                let own = DefinitionProfile.variant(of: .currency, in: fact.definitionB)
                valueB = NumberText.value(b, unit: unit, currency: own ?? fact.currency)
                if let own, own != fact.currency, let converted = fact.valueBInA {
                    valueB += " = " + NumberText.value(converted, unit: unit, currency: fact.currency)
                }
            }
            return ReconciledMetric(
                name: DisplayNames.metric(fact.metric, language), code: fact.metric,
                profileA: fact.profileA, valueA: valueA, profileB: fact.profileB, valueB: valueB,
                delta: fact.delta.map { NumberText.value($0, unit: unit, currency: fact.currency) } ?? "–",
                concepts: fact.differingConcepts.split(separator: ",").map { DisplayNames.concept(String($0), language) }
                    .joined(separator: ", "),
                counts: words.counts(fact))
        }
        let note = metrics.isEmpty ? words.reconciliationNone : input.detailKept ? nil : words.notKept(input.period.grain)
        return (metrics, note)
    }

    /// The records behind the company-level differences, each once: the metrics it touches with its value on
    /// each side, its reasons and explanations, its file and line. Records moving a money total most come
    /// first (then by the first metric they touch); nil when no metric lists records.
    static func records(_ input: ReportInput, _ words: ReportWords) -> RecordsSection? {
        let language = input.language
        let facts = differingFacts(input)
        let pairs = Set(facts.map { "\($0.metric)|\($0.profileA)|\($0.profileB)" })
        // Per metric and pair: another pair's A side may count in another currency.
        let unitOf = Dictionary(facts.map { ("\($0.metric)|\($0.profileA)|\($0.profileB)", ($0.unit, $0.currency)) },
                                uniquingKeysWith: { first, _ in first })
        func unit(_ detail: ReconciliationDetail) -> (String, String?)? { unitOf["\(detail.metric)|\(detail.profileA)|\(detail.profileB)"] }
        var byRecord: [String: [ReconciliationDetail]] = [:]
        for detail in input.details where pairs.contains("\(detail.metric)|\(detail.profileA)|\(detail.profileB)") {
            byRecord["\(detail.recordKind)|\(detail.recordID)", default: []].append(detail)
        }
        guard !byRecord.isEmpty else { return nil }
        func moneyMoved(_ details: [ReconciliationDetail]) -> Decimal {
            details.filter { unit($0)?.0 == "currency" }.map(weight).max() ?? 0
        }
        let ranked = byRecord.values.map { details in
            details.sorted { (catalogOrder[$0.metric] ?? .max, $0.metric) < (catalogOrder[$1.metric] ?? .max, $1.metric) }
        }.sorted { a, b in
            let left = (moneyMoved(a), -(catalogOrder[a[0].metric] ?? .max)), right = (moneyMoved(b), -(catalogOrder[b[0].metric] ?? .max))
            if left != right { return left > right }
            return (a[0].recordKind, a[0].recordID) < (b[0].recordKind, b[0].recordID)
        }
        let shown = ranked.prefix(recordsShown).map { details -> ReconciledRecord in
            let first = details[0]
            var reasons: [ReconcileReason] = [], explanations: [String] = []
            for detail in details {
                for reason in detail.reasons where !reasons.contains(reason) { reasons.append(reason) }
                let text = detail.explanation(language)
                if !explanations.contains(text) { explanations.append(text) }
            }
            let metrics = details.map { detail -> String in
                let name = DisplayNames.metric(detail.metric, language)
                // Totals show each side's value; a rate's or a mean's record value is its membership (refunded
                // or not, an order in the mean), which reads better as the side that counts it.
                guard detail.valueA != nil || detail.valueBInA != nil, let (unit, currency) = unit(detail),
                      unit == "currency" || unit == "count" else {
                    return "\(name): " + words.side(inA: detail.inA, inB: detail.inB, detail.profileA, detail.profileB)
                }
                let value = { (v: Decimal?) in v.map { NumberText.value($0, unit: unit, currency: currency) } ?? "–" }
                return "\(name): \(detail.profileA) \(value(detail.valueA)) · \(detail.profileB) \(value(detail.valueBInA))"
            }
            return ReconciledRecord(
                record: "\(DisplayNames.recordKind(first.recordKind, language)) \(first.recordID)", shop: first.shop,
                reasons: reasons.map { DisplayNames.reason($0.rawValue, language) }.joined(separator: ", "),
                metrics: metrics, explanations: explanations, source: "\(first.sourceFile):\(first.sourceLine)")
        }
        return RecordsSection(heading: words.recordsHeading(shown.count, of: ranked.count), records: shown,
                              more: shown.count < ranked.count ? words.moreRecords(ranked.count - shown.count) : nil)
    }

    /// Each metric's place in the catalog (`MetricID`), the order metrics are listed in.
    private static let catalogOrder = Dictionary(uniqueKeysWithValues: MetricID.allCases.enumerated().map { ($0.element.rawValue, $0.offset) })

    /// Company-level rows whose profiles disagree, in catalog order.
    private static func differingFacts(_ input: ReportInput) -> [ReconciliationFact] {
        return input.reconciliation
            .filter { $0.scopeType == .company && ($0.delta.map { $0 != 0 } ?? true) && ($0.valueA != nil || $0.valueB != nil) }
            .sorted { (catalogOrder[$0.metric] ?? .max, $0.profileA, $0.profileB) < (catalogOrder[$1.metric] ?? .max, $1.profileA, $1.profileB) }
    }

    /// How much a record moves the metric: its value on one side only, or the gap between the two.
    private static func weight(_ detail: ReconciliationDetail) -> Decimal {
        abs((detail.valueA ?? 0) - (detail.valueBInA ?? 0))
    }
}
