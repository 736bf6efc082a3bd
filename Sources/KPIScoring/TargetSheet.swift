import Foundation
import KPISchema

/// Targets a team keeps in a spreadsheet (销售目标 per person, shop or team), which win over
/// `scorecards.yaml` for the people, lines and periods they name.
///
/// Who a row is for decides before when: a person's own rows first, then the rows of the shops they
/// run, then their team's, then the card's YAML targets. Within one of those, a row set for exactly
/// the period being scored wins over rows in force `from` a date; the latter continue the YAML
/// versions as newer versions, so a change mid-period follows the same ``TargetRule``.
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
    }

    /// When a row's target is in force.
    package enum Span: Sendable, Hashable {
        /// Exactly this period (a month or a quarter); no other.
        case period(Period)
        /// From this day on, until a later row for the same person and line.
        case from(CivilDate)

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
        /// `targets.xlsx:4`: where the row stands, carried into the score's target basis.
        package var origin: String

        package init(subject: Subject, line: String, span: Span, value: Decimal, name: String? = nil, origin: String) {
            self.subject = subject
            self.line = line
            self.span = span
            self.value = value
            self.name = name
            self.origin = origin
        }
    }

    package var rows: [Row]

    package init(_ rows: [Row]) { self.rows = rows }

    /// The target `employee`'s line `line` is scored against in `period`: the sheet's when a row applies
    /// (most specific subject first), else the YAML schedule's.
    package func resolve(_ line: String, yaml: TargetSchedule, for employee: Employee, in period: Period,
                         segments: [String], rule: TargetRule) -> TargetSchedule.Resolved? {
        let named = rows.filter { $0.line == line }
        for level in Self.levels(of: employee) {
            let mine = named.filter { level.contains($0.subject) }
            if let exact = mine.first(where: { $0.span == .period(period) }) {
                return .init(value: exact.value, basis: "\(exact.value.plainString) set for \(period.label) for \(exact.subject) (\(exact.origin))")
            }
            let dated = mine.filter { if case .from(let day) = $0.span { day <= period.end } else { false } }
            guard let first = dated.map(\.span.start).min() else { continue }
            // The YAML versions (the person's segment's, if any) stay in force until the sheet's first.
            let chosen = yaml.chosen(segments: segments)
            var versions = chosen.versions.filter { ($0.from ?? TargetSchedule.always) < first }.map { version in
                var kept = version
                kept.segment = nil
                return kept
            }
            for row in dated {
                versions.append(.init(value: row.value, from: row.span.start, origin: "\(row.subject), \(row.origin)"))
            }
            return TargetSchedule(versions).resolve(period, segments: [], rule: rule)
        }
        return yaml.resolve(period, segments: segments, rule: rule)
    }

    /// The subjects that speak for `employee`, most specific first.
    static func levels(of employee: Employee) -> [Set<Subject>] {
        [[.employee(employee.id)], Set(employee.shops.map(Subject.shop)), employee.team.map { [.team($0)] } ?? []]
    }
}
