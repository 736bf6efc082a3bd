import Foundation
import KPIFacts
import KPISchema

extension ReportPage {
    /// The company's headline metrics under each profile, with the change since the previous period.
    struct Summary: Sendable {
        struct Cell: Sendable {
            let value: String
            let change: String
            /// `better`, `worse` or `same`, by the metric's direction; empty when there is no change to show.
            let trend: String
        }

        struct Row: Sendable {
            let name: String
            let code: String
            let cells: [Cell]
        }

        let changeHeader: String
        let profiles: [String]
        let rows: [Row]

        /// The metrics a manager looks at first, sales, then fulfilment, then service.
        static let metrics: [MetricID] = [
            .gmv, .orders, .aov, .units, .refundRate, .conversionRate, .sessions,
            .netSales, .grossMargin, .adSpend, .acos, .tacos, .inventoryTurnover,
            .shippedOrders, .fulfillmentHours, .onTimeShipRate, .stockoutRate,
            .firstResponseHours, .slaResponseRate, .csat, .negativeReviewHandleHours, .taskOnTimeRate,
        ]

        /// Nil when the period has no company fact at all.
        init?(_ input: ReportInput, _ words: ReportWords) {
            let previous = input.period.previous
            let facts = CompanyFacts(input.metrics)
            var rows: [Row] = []
            for metric in Self.metrics {
                let cells = input.profiles.map { profile -> Cell in
                    guard let fact = facts[metric.rawValue, profile.name, input.period] else {
                        return Cell(value: "–", change: "", trend: "")
                    }
                    let before = facts[metric.rawValue, profile.name, previous]
                    let comparable = before?.currency == fact.currency ? before?.value : nil
                    let value = NumberText.value(fact.value, unit: fact.unit, currency: fact.currency)
                    guard let change = NumberText.change(from: comparable, to: fact.value, unit: fact.unit) else {
                        return Cell(value: value, change: "", trend: "")
                    }
                    let trend = change.delta == 0 ? "same" : (change.delta > 0) != metric.lowerIsBetter ? "better" : "worse"
                    return Cell(value: value, change: change.text, trend: trend)
                }
                guard cells.contains(where: { $0.value != "–" }) else { continue }
                rows.append(Row(name: DisplayNames.metric(metric.rawValue, input.language), code: metric.rawValue, cells: cells))
            }
            guard !rows.isEmpty else { return nil }
            changeHeader = words.changeVs(previous)
            profiles = input.profiles.map(\.name)
            self.rows = rows
        }
    }
}

/// Company facts looked up by metric, profile and period.
struct CompanyFacts {
    private var facts: [String: FactMetric] = [:]

    init(_ metrics: [FactMetric]) {
        for fact in metrics where fact.scopeType == .company {
            facts[Self.key(fact.metric, fact.profile, fact.grain, fact.periodStart)] = fact
        }
    }

    subscript(metric: String, profile: String, period: Period) -> FactMetric? {
        facts[Self.key(metric, profile, period.grain, period.start)]
    }

    private static func key(_ metric: String, _ profile: String, _ grain: Grain, _ start: CivilDate) -> String {
        "\(metric)|\(profile)|\(grain.rawValue)|\(start)"
    }
}
