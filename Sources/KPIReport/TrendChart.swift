import Foundation
import KPISchema

/// A line chart of one metric over the trend window, as SVG coordinates the template draws.
///
/// The geometry is computed here and the markup lives in `chart.mustache`, so no SVG is assembled
/// from strings. A missing period breaks the line (a metric with no data is absent, never zero).
struct TrendChart: Sendable {
    struct Tick: Sendable { let y: String; let label: String }
    struct XLabel: Sendable { let x: String; let label: String }
    /// `partial`: the period was not over when the data was read; the template draws the dot hollow.
    struct Dot: Sendable { let x: String; let y: String; let title: String; let partial: Bool }
    struct Segment: Sendable { let points: String }
    struct Series: Sendable {
        let name: String
        /// `s0`, `s1`…: the stylesheet gives each series its colour and dash.
        let css: String
        let segments: [Segment]
        let dots: [Dot]
        let legendY: String
    }

    /// One line's values, one per period of the window (nil where the period has none).
    struct Input {
        var name: String
        var values: [Decimal?]
    }

    static let width = 360.0
    static let height = 170.0
    static let left = 62.0
    static let right = 86.0
    static let top = 12.0
    static let bottom = 26.0

    let title: String
    let subtitle: String
    let ariaLabel: String
    let width: String
    let height: String
    let plotLeft: String
    let plotRight: String
    let plotTop: String
    let plotBottom: String
    let legendX: String
    let ticks: [Tick]
    let xLabels: [XLabel]
    let series: [Series]

    /// Nil when no series has a value in any period. `partial` marks, per period, one not over when the
    /// data was read: its label gets a `*` and its dots are hollow (the caption says why).
    init?(title: String, subtitle: String, ariaLabel: String, periods: [Period], partial: [Bool] = [], unit: String, lines: [Input]) {
        let values = lines.flatMap { $0.values.compactMap { $0 } }.map { NSDecimalNumber(decimal: $0).doubleValue }
        guard let low = values.min(), let high = values.max(), !periods.isEmpty else { return nil }
        let scale = AxisScale(low: Swift.min(low, 0), high: high)
        let plotWidth = Self.width - Self.left - Self.right
        let plotHeight = Self.height - Self.top - Self.bottom
        let x = { (index: Int) -> Double in
            periods.count == 1 ? Self.left + plotWidth / 2 : Self.left + plotWidth * Double(index) / Double(periods.count - 1)
        }
        let y = { (value: Double) -> Double in
            Self.top + plotHeight * (1 - (value - scale.low) / (scale.high - scale.low))
        }
        self.title = title
        self.subtitle = subtitle
        self.ariaLabel = ariaLabel
        width = Self.text(Self.width)
        height = Self.text(Self.height)
        plotLeft = Self.text(Self.left)
        plotRight = Self.text(Self.width - Self.right)
        plotTop = Self.text(Self.top)
        plotBottom = Self.text(Self.height - Self.bottom)
        legendX = Self.text(Self.width - Self.right + 8)
        ticks = scale.ticks.map { Tick(y: Self.text(y($0)), label: NumberText.axis($0, unit: unit, step: scale.step)) }
        let isPartial = { (index: Int) in index < partial.count && partial[index] }
        xLabels = periods.enumerated().map {
            XLabel(x: Self.text(x($0.offset)), label: Self.shortLabel($0.element) + (isPartial($0.offset) ? "*" : ""))
        }
        series = lines.enumerated().map { index, line in
            var segments: [Segment] = []
            var current: [String] = []
            var dots: [Dot] = []
            for (position, value) in line.values.enumerated() {
                guard let value else {
                    if current.count > 1 { segments.append(Segment(points: current.joined(separator: " "))) }
                    current = []
                    continue
                }
                let px = Self.text(x(position)), py = Self.text(y(NSDecimalNumber(decimal: value).doubleValue))
                current.append("\(px),\(py)")
                dots.append(Dot(x: px, y: py, title: "\(line.name) \(periods[position].label)\(isPartial(position) ? "*" : ""): "
                                + NumberText.value(value, unit: unit), partial: isPartial(position)))
            }
            if current.count > 1 { segments.append(Segment(points: current.joined(separator: " "))) }
            return Series(name: line.name, css: "s\(index)", segments: segments, dots: dots,
                          legendY: Self.text(Self.top + 10 + 16 * Double(index)))
        }
    }

    /// `2026-10` stays; quarters and weeks shorten to fit under a point.
    private static func shortLabel(_ period: Period) -> String {
        switch period.grain {
        case .week, .day: String(period.start.description.dropFirst(5))
        default: period.label
        }
    }

    /// One decimal, locale-free, so the SVG bytes are the same everywhere.
    static func text(_ value: Double) -> String { String(format: "%.1f", value) }
}

/// A y axis from `low` to `high` in 3 to 6 round steps (1, 2, 2.5 or 5 × 10ⁿ).
struct AxisScale: Sendable {
    let low: Double
    let high: Double
    let step: Double

    init(low: Double, high: Double) {
        let span = high > low ? high - low : Swift.max(abs(high), 1)
        let raw = span / 4
        let magnitude = pow(10, floor(log10(raw)))
        let step = [1.0, 2, 2.5, 5, 10].map { $0 * magnitude }.first { $0 >= raw } ?? 10 * magnitude
        self.step = step
        self.low = floor(low / step) * step
        let top = ceil(high / step) * step
        self.high = top > self.low ? top : self.low + step
    }

    var ticks: [Double] {
        stride(from: low, through: high + step / 2, by: step).map { $0 }
    }
}
