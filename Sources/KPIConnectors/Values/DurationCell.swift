import Foundation
import KPISchema

/// Reads a span of time as minutes: help desks write `90` (minutes), `1.5` (hours) or `01:30:00`.
package struct DurationCell: Sendable, Hashable {
    package enum Unit: String, Sendable, CaseIterable { case minutes, hours, hms }
    package var unit: Unit

    package init(unit: Unit) {
        self.unit = unit
    }

    package var expected: Bilingual {
        switch unit {
        case .minutes: Bilingual("a number of minutes like 90 or 12.5", "分钟数，如 90 或 12.5")
        case .hours: Bilingual("a number of hours like 1.5", "小时数，如 1.5")
        case .hms: Bilingual("hours:minutes[:seconds] like 01:30:00", "时:分[:秒]，如 01:30:00")
        }
    }

    /// Minutes, or nil for an empty cell.
    package func parse(_ text: String) throws(CellParseError) -> Decimal? {
        let s = text.trimmingSpaces()
        if s.isEmpty || s == "-" || s == "--" { return nil }
        let bad = CellParseError(problem: Bilingual("`\(text)` is not a duration", "`\(text)` 不是时长"), expected: expected)
        switch unit {
        case .minutes, .hours:
            guard let value = try? DecimalCell().parse(s), value >= 0 else { throw bad }
            return unit == .hours ? value * 60 : value
        case .hms:
            let parts = s.split(separator: ":", omittingEmptySubsequences: false)
            guard (2...3).contains(parts.count),
                  let hours = Int(parts[0]), hours >= 0,
                  let minutes = Int(parts[1]), (0..<60).contains(minutes), parts[1].count == 2 else { throw bad }
            var seconds = 0
            if parts.count == 3 {
                guard let value = Int(parts[2]), (0..<60).contains(value), parts[2].count == 2 else { throw bad }
                seconds = value
            }
            return Decimal(hours * 60 + minutes) + Decimal(seconds) / 60
        }
    }
}
