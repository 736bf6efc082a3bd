import Foundation
import KPISchema

/// Targets a team keeps in a spreadsheet (销售目标 per person, shop or team), which win over
/// `scorecards.yaml` for the people, lines and periods they name.
///
/// A person's line is scored against the card's YAML versions overlaid by their team's rows, then their
/// shops', then their own: each more specific level takes over from its first row on, and a row set for
/// exactly the period takes that whole period at its level. Dated rows are versions like the YAML's, so a
/// change mid-period follows the same ``TargetRule``.
package struct TargetSheet: Sendable, Hashable {
    /// Whom a row's target is for.
    package enum Subject: Sendable, Hashable, Comparable, CustomStringConvertible {
        /// One person, by roster id (工号).
        case employee(String)
        /// Each person who runs the shop (the roster's `shops`), every one against the same value.
        case shop(String)
        /// Each person on the team, every one against the same value.
        case team(String)

        package var description: String {
            switch self {
            case .employee(let id): "employee \(id)"
            case .shop(let shop): "shop \(shop)"
            case .team(let team): "team \(team)"
            }
        }

        /// `员工 E001`, `店铺 amazon-us`, `团队 亚马逊一组`.
        package var zh: String {
            switch self {
            case .employee(let id): "员工 \(id)"
            case .shop(let shop): "店铺 \(shop)"
            case .team(let team): "团队 \(team)"
            }
        }
    }

    /// When a row's target is in force.
    package enum Span: Sendable, Hashable {
        /// Exactly this period (a month or a quarter); no other.
        case period(Period)
        /// From this day on, until a later row for the same person and line.
        case from(CivilDate)

        /// `period 2026-10` or `day (from 2026-10-16)`, for messages.
        package var label: String {
            switch self {
            case .period(let period): "period \(period.label)"
            case .from(let day): "day (from \(day))"
            }
        }

        /// The first day the row can be in force, for ordering and overlap checks.
        var start: CivilDate {
            switch self {
            case .period(let period): period.start
            case .from(let day): day
            }
        }
    }

    package struct Row: Sendable, Hashable {
        package var subject: Subject
        /// The card line it sets: `gmv`, or `rating:工作态度`.
        package var line: String
        package var span: Span
        package var value: Decimal
        /// A name written beside an employee id, checked against the roster.
        package var name: String?
        /// The definition profile of the lines it sets, when the same line is scored under several.
        package var profile: String?
        /// `targets.xlsx:4`: where the row stands, carried into the score's target basis.
        package var origin: String

        package init(subject: Subject, line: String, span: Span, value: Decimal, name: String? = nil, profile: String? = nil,
                     origin: String) {
            self.subject = subject
            self.line = line
            self.span = span
            self.value = value
            self.name = name
            self.profile = profile
            self.origin = origin
        }

        /// Whether the row sets `line`: the same name, and the same profile when the row names one.
        package func applies(to line: ScoreLine) -> Bool {
            guard line.name == self.line else { return false }
            guard let profile else { return true }
            return line.profile == profile
        }
    }

    package var rows: [Row]

    package init(_ rows: [Row]) { self.rows = rows }

    /// The target `employee`'s `line` is scored against in `period`: the card's YAML versions, overlaid
    /// by their team's rows, then their shops', then their own, each more specific level taking over from
    /// its first row on (a row set for exactly `period` takes the whole period).
    package func resolve(_ line: ScoreLine, for employee: Employee, in period: Period, segments: [String],
                         rule: TargetRule) -> TargetSchedule.Resolved? {
        let named = rows.filter { $0.applies(to: line) }
        var versions: [TargetSchedule.Version]?
        var exact: [String: Row] = [:]
        for level in Self.levels(of: employee).reversed() {
            let mine = named.filter { level.contains($0.subject) }
            if let row = mine.first(where: { $0.span == .period(period) }) {
                let origin = Bilingual("set for \(period.label) for \(row.subject), \(row.origin)",
                                       "\(row.subject.zh) \(period.label) 的目标，\(row.origin)")
                versions = [.init(value: row.value, from: period.start, origin: origin)]
                exact[origin.en] = row
                continue
            }
            let dated = mine.filter { if case .from(let day) = $0.span { day <= period.end } else { false } }
            guard let first = dated.map(\.span.start).min() else { continue }
            // What is in force until this level's first row: the less specific levels', else the YAML's
            // (the person's segment's versions, if any).
            let base = versions ?? line.targets.chosen(segments: segments).versions.map { version in
                var kept = version
                kept.segment = nil
                return kept
            }
            versions = base.filter { ($0.from ?? TargetSchedule.always) < first }
                + dated.map { .init(value: $0.value, from: $0.span.start, origin: Bilingual("\($0.subject), \($0.origin)", "\($0.subject.zh)，\($0.origin)")) }
        }
        guard let versions else { return line.targets.resolve(period, segments: segments, rule: rule) }
        if versions.count == 1, let origin = versions[0].origin, let row = exact[origin.en] {
            return .init(value: row.value, basis: Bilingual("\(row.value.plainString) set for \(period.label) for \(row.subject) (\(row.origin))",
                                                            "\(row.value.plainString)：\(row.subject.zh) \(period.label) 的目标（\(row.origin)）"))
        }
        return TargetSchedule(versions).resolve(period, segments: [], rule: rule)
    }

    /// The subjects that speak for `employee`, most specific first.
    static func levels(of employee: Employee) -> [Set<Subject>] {
        [[.employee(employee.id)], Set(employee.shops.map(Subject.shop)), employee.team.map { [.team($0)] } ?? []]
    }
}
