import Foundation
import KPIFacts
import KPISchema

extension ReportPage {
    /// One key metric's bridge: the waterfall and the same steps as a table.
    struct BridgeSection: Sendable {
        struct Row: Sendable {
            let number: String
            let cause: String
            let records: String
            let effect: String
            let value: String
        }

        let title: String
        let chart: WaterfallChart?
        let rows: [Row]
    }

    /// The metrics whose bridges lead the section, in this order, when the period has them.
    static let bridgedFirst: [MetricID] = [.gmv, .orders, .shippedOrders, .onTimeShipRate, .firstResponseHours]

    /// The key metrics' company bridges, per profile pair.
    static func bridges(_ input: ReportInput, _ words: ReportWords) -> [BridgeSection] {
        let language = input.language
        var walks: [String: [BridgeStep]] = [:]
        for step in input.bridge where step.scopeType == .company {
            walks["\(step.metric)\u{1F}\(step.profileA)\u{1F}\(step.profileB)", default: []].append(step)
        }
        let pairs = Set(input.bridge.map { "\($0.profileA)\u{1F}\($0.profileB)" }).sorted()
        return bridgedFirst.flatMap { metric in
            pairs.compactMap { pair -> BridgeSection? in
                guard let steps = walks["\(metric.rawValue)\u{1F}\(pair)"]?.sorted(by: { $0.step < $1.step }),
                      let first = steps.first, let last = steps.last, first.kind == .start, last.kind == .end,
                      let start = first.value, let end = last.value else { return nil }
                let unit = metric.unit, currency = first.currency
                let name = DisplayNames.metric(metric.rawValue, language)
                let label = { (step: BridgeStep) -> String in
                    switch step.kind {
                    case .start: step.profileA
                    case .end: step.profileB
                    default: DisplayNames.cause(step.kind.code, language)
                    }
                }
                let rows = steps.enumerated().map { index, step in
                    BridgeSection.Row(
                        number: String(index + 1), cause: label(step), records: step.records.map(String.init) ?? "",
                        effect: step.effect.map { NumberText.effect($0, unit: unit, currency: currency) } ?? "",
                        value: step.value.map { NumberText.value($0, unit: unit, currency: currency) } ?? "")
                }
                let chart = WaterfallChart(
                    ariaLabel: words.bridgeAria(name, first.profileA, first.profileB), unit: unit, currency: currency,
                    lowerIsBetter: metric.lowerIsBetter,
                    steps: steps.compactMap { step in
                        step.value.map { .init(title: label(step), effect: step.effect, value: $0,
                                               isTotal: step.kind == .start || step.kind == .end) }
                    })
                return BridgeSection(
                    title: words.bridgeTitle(name, first.profileA, NumberText.value(start, unit: unit, currency: currency),
                                             first.profileB, NumberText.value(end, unit: unit, currency: currency),
                                             convertedFrom: first.convertedFrom),
                    chart: chart, rows: rows)
            }
        }
    }
}
