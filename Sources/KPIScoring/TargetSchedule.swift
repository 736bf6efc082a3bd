import Foundation
import KPISchema

/// A line's targets over time: dated versions, optionally per segment (new hires, night shift).
///
/// Versions are never overwritten: a change mid-period is a new version with its own `from`, and
/// the ``TargetRule`` decides which one a period is scored against.
package struct TargetSchedule: Sendable, Hashable {
    package struct Version: Sendable, Hashable {
        package var value: Decimal
        /// First day in force; nil means since always.
        package var from: CivilDate?
        /// Last day in force of a temporary target (a campaign's); after it, the version it overrode is in
        /// force again. Nil: until a later version replaces it.
        package var until: CivilDate?
        /// The segment this target is for; nil for everyone else.
        package var segment: String?
        /// Where a version from a targets sheet was set (`employee E001, targets.csv:4`); nil for YAML.
        package var origin: Bilingual?

        package init(value: Decimal, from: CivilDate? = nil, until: CivilDate? = nil, segment: String? = nil, origin: Bilingual? = nil) {
            self.value = value
            self.from = from
            self.until = until
            self.segment = segment
            self.origin = origin
        }

        /// `250 from 2026-10-01 (shop amazon-us, targets.csv:2)` / `250（2026-10-01 起）（店铺 amazon-us，targets.csv:2）`.
        var label: Bilingual {
            Bilingual("\(value.plainString)" + (from.map { " from \($0)" } ?? "") + (until.map { " until \($0)" } ?? "")
                        + (origin.map { " (\($0.en))" } ?? ""),
                      "\(value.plainString)" + (from.map { from in until.map { "（\(from) 至 \($0)）" } ?? "（\(from) 起）" } ?? "")
                        + (origin.map { "（\($0.zh)）" } ?? ""))
        }
    }

    package var versions: [Version]

    package init(_ versions: [Version]) { self.versions = versions }

    package var isEmpty: Bool { versions.isEmpty }

    /// The target a period is scored against, and a sentence saying which version and why.
    package struct Resolved: Sendable, Hashable {
        package var value: Decimal
        package var basis: Bilingual
    }

    /// The day a version without `from` counts as starting.
    static let always = CivilDate(year: 1, month: 1, day: 1)!

    /// The versions of the first of `segments` that has any, else the unsegmented ones, and the
    /// segment chosen (nil for the unsegmented).
    func chosen(segments: [String]) -> (versions: [Version], segment: String?) {
        for segment in segments {
            let mine = versions.filter { $0.segment == segment }
            if !mine.isEmpty { return (mine, segment) }
        }
        return (versions.filter { $0.segment == nil }, nil)
    }

    /// Picks the versions of the first of `segments` that has any (else the unsegmented ones), then
    /// applies `rule` over `period`. Nil when no version is in force on any day of the period.
    package func resolve(_ period: Period, segments: [String], rule: TargetRule) -> Resolved? {
        let picked = chosen(segments: segments)
        let segmentNote = picked.segment.map { Bilingual(" [segment \($0)]", "［人群 \($0)］") } ?? .empty
        let always = Self.always
        let chosen = picked.versions.sorted { ($0.from ?? always) < ($1.from ?? always) }
        // The latest-starting version that has begun and not ended: a temporary one over the one it interrupts.
        func inForce(on day: CivilDate) -> Version? { chosen.last { ($0.from ?? always) <= day && ($0.until.map { day <= $0 } ?? true) } }
        // Each version in force during the period, with its days, in date order.
        var days: [(version: Version, days: Int)] = []
        var day = period.start
        while day <= period.end {
            if let version = inForce(on: day) {
                if let last = days.last, last.version == version { days[days.count - 1].days += 1 } else { days.append((version, 1)) }
            }
            day = day.adding(days: 1)
        }
        guard !days.isEmpty else { return nil }
        // A first version dated inside the period leaves its first days without a target: said, not hidden.
        let covered = days.reduce(0) { $0 + $1.days }
        let firstDay = days[0].version.from.map(\.description) ?? ""
        let gap = covered < period.dayCount ? Bilingual("; no target before \(firstDay)", "；\(firstDay) 之前无目标") : .empty
        if days.count == 1 {
            let span = covered < period.dayCount
                ? Bilingual("in force \(covered) of \(period.dayCount) days", "生效 \(covered)/\(period.dayCount) 天")
                : Bilingual("in force all period", "全期生效")
            return Resolved(value: days[0].version.value, basis: .joined([days[0].version.label, span], en: ", ", zh: "，") + gap + segmentNote)
        }
        switch rule {
        case .latest:
            let last = days[days.count - 1].version
            let replaced = Bilingual.joined(days.dropLast().map { $0.version.label + Bilingual(" (\($0.days)d)", "（\($0.days) 天）") },
                                            en: ", ", zh: "，")
            return Resolved(value: last.value, basis: last.label
                            + Bilingual(", in force at period end; replaced \(replaced.en)", "，期末生效；替代 \(replaced.zh)") + gap + segmentNote)
        case .prorated:
            let value = days.reduce(Decimal(0)) { $0 + $1.version.value * Decimal($1.days) } / Decimal(covered)
            let parts = days.map { "\($0.version.value.plainString) × \($0.days)d" }.joined(separator: " + ")
            let origins = days.compactMap(\.version.origin)
            let from = origins.isEmpty ? .empty : Bilingual("; ", "；") + .joined(origins, en: ", ", zh: "，")
            return Resolved(value: value.rounded(scale: 4), basis: Bilingual("prorated by days: (\(parts)) / \(covered)d",
                                                                            "按天折算：(\(parts)) / \(covered)d") + from + gap + segmentNote)
        }
    }
}

/// Which target version a period is scored against when it changed mid-period.
package enum TargetRule: String, Sendable, Hashable, CaseIterable {
    /// The version in force on the period's last day.
    case latest
    /// Each version weighted by the days it was in force.
    case prorated
}
