import Foundation
import KPIFacts
import KPISchema

extension ReportPage {
    /// One metric on which the two profiles disagree, with the records that make the difference.
    struct ReconciledMetric: Sendable {
        struct Record: Sendable {
            let record: String
            let shop: String
            let side: String
            let reasons: String
            let explanation: String
            let source: String
        }

        let name: String
        let code: String
        let profileA: String
        let valueA: String
        let profileB: String
        let valueB: String
        let delta: String
        let concepts: String
        let counts: String
        let recordsHeading: String?
        let records: [Record]
    }

    /// Records listed per metric; the rest are in `reconciliation_detail` and `kpibridge reconcile`.
    static let recordsPerMetric = 5

    /// Company-level disagreements in catalog order, and a note when there are none or records are not kept.
    static func reconciliation(_ input: ReportInput, _ words: ReportWords) -> ([ReconciledMetric], String?) {
        let language = input.language
        let order = Dictionary(uniqueKeysWithValues: MetricID.allCases.enumerated().map { ($0.element.rawValue, $0.offset) })
        let differing = input.reconciliation
            .filter { $0.scopeType == .company && ($0.delta.map { $0 != 0 } ?? true) && ($0.valueA != nil || $0.valueB != nil) }
            .sorted { (order[$0.metric] ?? .max, $0.profileA, $0.profileB) < (order[$1.metric] ?? .max, $1.profileA, $1.profileB) }
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
            let records = input.details
                .filter { $0.metric == fact.metric && $0.profileA == fact.profileA && $0.profileB == fact.profileB }
                .sorted { (Self.weight($1), $0.recordKind, $0.recordID) < (Self.weight($0), $1.recordKind, $1.recordID) }
            let shown = records.prefix(recordsPerMetric).map { detail in
                ReconciledMetric.Record(
                    record: "\(DisplayNames.recordKind(detail.recordKind, language)) \(detail.recordID)",
                    shop: detail.shop,
                    side: words.side(inA: detail.inA, inB: detail.inB, fact.profileA, fact.profileB),
                    reasons: detail.reasons.map { DisplayNames.reason($0.rawValue, language) }.joined(separator: ", "),
                    explanation: detail.explanation(language).isEmpty ? detail.explanation.en : detail.explanation(language),
                    source: "\(detail.sourceFile):\(detail.sourceLine)")
            }
            return ReconciledMetric(
                name: DisplayNames.metric(fact.metric, language), code: fact.metric,
                profileA: fact.profileA, valueA: valueA, profileB: fact.profileB, valueB: valueB,
                delta: fact.delta.map { NumberText.value($0, unit: unit, currency: fact.currency) } ?? "–",
                concepts: fact.differingConcepts.split(separator: ",").map { DisplayNames.concept(String($0), language) }
                    .joined(separator: ", "),
                counts: words.counts(fact),
                recordsHeading: records.isEmpty ? nil : words.topRecords(shown.count, of: records.count),
                records: shown)
        }
        let note = metrics.isEmpty ? words.reconciliationNone : input.detailKept ? nil : words.notKept(input.period.grain)
        return (metrics, note)
    }

    /// How much a record moves the metric: its value on one side only, or the gap between the two.
    private static func weight(_ detail: ReconciliationDetail) -> Decimal {
        abs((detail.valueA ?? 0) - (detail.valueBInA ?? 0))
    }
}
