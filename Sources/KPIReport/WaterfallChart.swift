import Foundation
import KPISchema

/// A bridge as a waterfall: A's value as a bar from zero, each cause as a bar floating from the running
/// total before it to the total after it, B's value as a bar from zero.
///
/// Like ``TrendChart`` it computes coordinates only; `waterfall.mustache` holds the markup. Bars are
/// numbered under the axis; the table beside the chart names each number's cause.
struct WaterfallChart: Sendable {
    struct Bar: Sendable {
        let x: String
        let y: String
        let width: String
        let height: String
        /// `total` (start and end), `better` or `worse` (by the metric's direction): the stylesheet colours them.
        let css: String
        let label: String
        let labelX: String
        let labelY: String
        let number: String
        let title: String
    }

    /// One step's values, in the order of the walk.
    struct Input {
        var title: String
        var effect: Decimal?
        var value: Decimal
        var isTotal: Bool
    }

    static let width = 480.0
    static let height = 200.0
    static let left = 62.0
    static let right = 12.0
    static let top = 18.0
    static let bottom = 22.0

    let ariaLabel: String
    let width: String
    let height: String
    let plotLeft: String
    let plotRight: String
    let baseline: String
    let plotBottom: String
    let ticks: [TrendChart.Tick]
    let bars: [Bar]

    /// Nil with fewer than two steps. `lowerIsBetter` colours a fall as the good direction (hours, rates of trouble).
    init?(ariaLabel: String, unit: String, currency: String?, lowerIsBetter: Bool, steps: [Input]) {
        guard steps.count >= 2 else { return nil }
        let double = { (value: Decimal) in NSDecimalNumber(decimal: value).doubleValue }
        var spans: [(from: Double, to: Double)] = []
        var running = 0.0
        for step in steps {
            if step.isTotal {
                running = double(step.value)
                spans.append((0, running))
            } else {
                let after = double(step.value)
                spans.append((running, after))
                running = after
            }
        }
        let values = spans.flatMap { [$0.from, $0.to] }
        let scale = AxisScale(low: Swift.min(values.min()!, 0), high: Swift.max(values.max()!, 0))
        let plotWidth = Self.width - Self.left - Self.right
        let plotHeight = Self.height - Self.top - Self.bottom
        let y = { (value: Double) -> Double in Self.top + plotHeight * (1 - (value - scale.low) / (scale.high - scale.low)) }
        let slot = plotWidth / Double(steps.count)
        let text = TrendChart.text
        self.ariaLabel = ariaLabel
        width = text(Self.width)
        height = text(Self.height)
        plotLeft = text(Self.left)
        plotRight = text(Self.width - Self.right)
        baseline = text(y(0))
        plotBottom = text(Self.height - Self.bottom)
        ticks = scale.ticks.map { TrendChart.Tick(y: text(y($0)), label: NumberText.axis($0, unit: unit, step: scale.step)) }
        bars = zip(steps, spans).enumerated().map { index, pair in
            let (step, span) = pair
            let high = y(Swift.max(span.from, span.to)), low = y(Swift.min(span.from, span.to))
            let x = Self.left + slot * Double(index) + slot * 0.15
            let label = step.isTotal ? NumberText.value(step.value, unit: unit)
                : NumberText.effect(step.effect ?? 0, unit: unit)
            let css = step.isTotal ? "total" : (span.to >= span.from) != lowerIsBetter ? "better" : "worse"
            let title = step.isTotal ? NumberText.value(step.value, unit: unit, currency: currency)
                : NumberText.effect(step.effect ?? 0, unit: unit, currency: currency)
            return Bar(x: text(x), y: text(high), width: text(slot * 0.7), height: text(Swift.max(low - high, 1)), css: css,
                       label: label, labelX: text(x + slot * 0.35), labelY: text(high - 3), number: String(index + 1),
                       title: "\(index + 1) \(step.title): \(title)")
        }
    }
}
