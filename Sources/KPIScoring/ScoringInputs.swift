import Foundation
import KPISchema

/// What scoring reads: the metric facts, the roster, supervisors' ratings and violations.
package struct ScoringInputs: Sendable {
    struct FactKey: Hashable {
        var grain: Grain
        var start: CivilDate
        var scopeType: ScopeType
        var scopeID: String
        var metric: String
        var profile: String
    }

    /// A `manual_rating` row.
    package struct Rating: Sendable, Hashable {
        package var employeeID: String
        /// The month it rates.
        package var month: CivilDate
        package var criterion: String
        package var score: Decimal
        package var maxScore: Decimal?
        /// Who rated, and in which capacity (`lead`, `peer`, `cross_team`), when the sheet says.
        package var rater: String? = nil
        package var raterRole: String? = nil
        package var source: String
    }

    /// A `violation` row.
    package struct Violation: Sendable, Hashable {
        package var id: String
        package var kind: String
        package var occurredAt: Instant
        package var employeeID: String?
        package var shop: String?
        /// 严重程度 as the violations file wrote it (严重, 一般 …), if it has the column.
        package var severity: String? = nil
        package var source: String
    }

    /// The roster over time: a card is scored for whoever is on the team in its period, as they stand on
    /// its last day there.
    package let roster: Roster
    private let facts: [FactKey: FactMetric]
    let ratings: [String: [Rating]]
    let violations: [Violation]
    /// Periods with any company-level fact, per grain: the periods worth scoring.
    let periods: [Grain: Set<Period>]

    package init(facts: [FactMetric], roster: [Employee], flat: [FlatRecord]) {
        var index: [FactKey: FactMetric] = [:]
        var periods: [Grain: Set<Period>] = [:]
        for fact in facts {
            index[FactKey(grain: fact.grain, start: fact.periodStart, scopeType: fact.scopeType, scopeID: fact.scopeID,
                          metric: fact.metric, profile: fact.profile)] = fact
            if fact.scopeType == .company {
                periods[fact.grain, default: []].insert(Period(grain: fact.grain, start: fact.periodStart, end: fact.periodEnd))
            }
        }
        self.facts = index
        self.periods = periods
        self.roster = Roster(roster)
        var ratings: [String: [Rating]] = [:]
        var violations: [Violation] = []
        for record in flat {
            let source = "\(record.lineage.file):\(record.lineage.line)"
            switch record.kind {
            case .manualRating:
                guard let id = record["employee_id"]?.storageText, let periodText = record["period"]?.storageText,
                      let month = Self.month(periodText), let criterion = record["criterion"]?.storageText,
                      case .decimal(let score)? = record["score"] else { continue }
                var max: Decimal?
                if case .decimal(let m)? = record["max_score"] { max = m }
                func text(_ field: String) -> String? { record[field].map(\.storageText).flatMap { $0.isEmpty ? nil : $0 } }
                ratings[id, default: []].append(Rating(employeeID: id, month: month, criterion: criterion, score: score,
                                                       maxScore: max, rater: text("rater"), raterRole: text("rater_role"),
                                                       source: source))
            case .violation:
                guard let id = record["violation_id"]?.storageText, let kind = record["kind"]?.storageText,
                      case .timestamp(let at)? = record["occurred_at"] else { continue }
                violations.append(Violation(id: id, kind: kind, occurredAt: at.instant,
                                            employeeID: record["employee_id"]?.storageText,
                                            shop: record["shop"]?.storageText,
                                            severity: record["severity"].map(\.storageText).flatMap { $0.isEmpty ? nil : $0 }, source: source))
            default:
                continue
            }
        }
        self.ratings = ratings
        self.violations = violations.sorted { ($0.occurredAt, $0.id) < ($1.occurredAt, $1.id) }
    }

    /// `2026-10`, `2026/10`, `202610` or any day of the month → the month's first day.
    static func month(_ text: String) -> CivilDate? {
        var cleaned = text.replacingOccurrences(of: "/", with: "-").replacingOccurrences(of: "年", with: "-")
            .replacingOccurrences(of: "月", with: "")
        if cleaned.count == 6, !cleaned.contains("-") { cleaned.insert("-", at: cleaned.index(cleaned.startIndex, offsetBy: 4)) }
        let parts = cleaned.split(separator: "-")
        if parts.count == 2, let year = Int(parts[0]), let month = Int(parts[1]) {
            return CivilDate(year: year, month: month, day: 1)
        }
        return CivilDate(iso: cleaned).map { CivilDate(year: $0.year, month: $0.month, day: 1)! }
    }

    func fact(_ period: Period, _ scopeType: ScopeType, _ scopeID: String, metric: String, profile: String) -> FactMetric? {
        facts[FactKey(grain: period.grain, start: period.start, scopeType: scopeType, scopeID: scopeID, metric: metric,
                      profile: profile)]
    }

    /// The periods of `grain` that have data, oldest first.
    func periods(of grain: Grain) -> [Period] { (periods[grain] ?? []).sorted() }
}
