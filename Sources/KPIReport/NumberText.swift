import Foundation
import KPIFacts
import KPISchema

/// Numbers as a manager reads them: `82,609.10 CNY`, `9.4%`, `21.5 h`, `25,456`.
///
/// Locale-free on purpose: the same store gives the same bytes on every machine, and both languages
/// group digits the same way.
package enum NumberText {
    /// A metric value in its unit (`currency`, `count`, `ratio`, `hours`; anything else as a plain number).
    package static func value(_ value: Decimal, unit: String, currency: String? = nil) -> String {
        switch unit {
        case "currency": grouped(value.fixed(2)) + (currency.map { " \($0)" } ?? "")
        case "count": grouped(value.fixed(0))
        case "ratio": percent(value)
        // Under an hour a second decimal keeps 0.04 h (2.5 minutes) from reading as zero.
        case "hours": value.fixed(abs(value) < 1 ? 2 : 1) + " h"
        case "multiple": value.fixed(2) + "×"
        case "days": value.fixed(1) + " d"
        default: trimmed(value)
        }
    }

    /// A metric's value by its catalog unit; unknown names (rating lines) as plain numbers.
    package static func metric(_ value: Decimal, metric: String, currency: String? = nil) -> String {
        Self.value(value, unit: MetricID(rawValue: metric)?.unit ?? "number", currency: currency)
    }

    /// A signed change in a metric's unit: `+6.74 CNY`, `−2,924.00 CNY`, `+1.2 pp` for a ratio.
    static func effect(_ value: Decimal, unit: String, currency: String? = nil) -> String {
        let magnitude = unit == "ratio" ? (abs(value) * 100).fixed(1) + " pp" : Self.value(abs(value), unit: unit, currency: currency)
        return (value < 0 ? "−" : value > 0 ? "+" : "±") + magnitude
    }

    /// `0.0935` → `9.4%`.
    static func percent(_ ratio: Decimal) -> String {
        (ratio * 100).fixed(1) + "%"
    }

    /// A plain number with at most two decimals and no trailing zeros: `9`, `0.48`, `104.22`.
    static func trimmed(_ value: Decimal) -> String { value.rounded(scale: 2).plainString }

    /// Inserts a comma every three integer digits of a plain decimal string.
    static func grouped(_ plain: String) -> String {
        let negative = plain.hasPrefix("-")
        let body = negative ? String(plain.dropFirst()) : plain
        let parts = body.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        var digits = Array(parts[0])
        var index = digits.count - 3
        while index > 0 {
            digits.insert(",", at: index)
            index -= 3
        }
        let fraction = parts.count > 1 ? "." + parts[1] : ""
        return (negative ? "-" : "") + String(digits) + fraction
    }

    /// How a value moved from `previous`: ratios in percentage points, everything else relative.
    /// Nil when there is nothing to compare with.
    static func change(from previous: Decimal?, to current: Decimal, unit: String) -> (text: String, delta: Decimal)? {
        guard let previous else { return nil }
        if unit == "ratio" {
            let points = (current - previous) * 100
            return (signed(points.fixed(1)) + " pp", points)
        }
        guard previous != 0 else { return nil }
        let relative = (current - previous) / abs(previous) * 100
        return (signed(relative.fixed(1)) + "%", relative)
    }

    private static func signed(_ text: String) -> String {
        if text.hasPrefix("-") { return text == "-0.0" ? "±0.0" : "−" + text.dropFirst() }
        return text == "0.0" ? "±0.0" : "+" + text
    }
}

extension NumberText {
    /// An axis label: as few decimals as the step needs, no currency code (the subtitle names it).
    static func axis(_ value: Double, unit: String, step: Double) -> String {
        // Just enough decimals that every tick is exact: a 2.5 step needs one, a 25,000 step none.
        let decimals = { (step: Double) -> Int in
            (0...3).first { places in
                let scaled = step * pow(10, Double(places))
                return abs(scaled - scaled.rounded()) < 1e-6
            } ?? 3
        }
        switch unit {
        case "ratio":
            return String(format: "%.\(decimals(step * 100))f%%", value * 100)
        case "hours":
            return String(format: "%.\(decimals(step))f h", value)
        default:
            return grouped(String(format: "%.\(decimals(step))f", value))
        }
    }
}
