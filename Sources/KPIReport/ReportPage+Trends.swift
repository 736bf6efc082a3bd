import Foundation
import KPIFacts
import KPISchema

extension ReportPage {
    /// The metrics charted over the trend window.
    static let trendMetrics: [MetricID] = [.gmv, .orders, .aov, .onTimeShipRate, .refundRate, .firstResponseHours]

    /// One chart per metric with a line per profile. Money is charted only for the profiles sharing
    /// the first one's currency: CNY and USD on one axis would mislead.
    static func charts(_ input: ReportInput, _ words: ReportWords) -> [TrendChart] {
        let facts = CompanyFacts(input.metrics)
        let window = input.trendPeriods
        return trendMetrics.compactMap { metric in
            var lines: [TrendChart.Input] = []
            var currency: String?
            for profile in input.profiles {
                let values = window.map { facts[metric.rawValue, profile.name, $0] }
                let own = values.compactMap { $0?.currency }.first
                if metric.unit == "currency" {
                    if currency == nil { currency = own }
                    guard own == nil || own == currency else { continue }
                }
                lines.append(TrendChart.Input(name: profile.name, values: values.map { $0?.value }))
            }
            let name = DisplayNames.metric(metric.rawValue, input.language)
            let shown = lines.map(\.name).joined(separator: ", ")
            return TrendChart(title: name, subtitle: currency.map { "\(shown) · \($0)" } ?? shown,
                              ariaLabel: "\(name) \(words.chartLabel)", periods: window, partial: window.map(input.isPartial),
                              unit: metric.unit, lines: lines)
        }
    }
}
