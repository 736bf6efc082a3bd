import Foundation
import KPIFacts
import KPISchema

/// Turns facts, ratings and violations into scorecards: one ``ScoreFact`` per line plus a total.
///
/// Pure and ordered, so the same inputs always give the same rows (re-runs change nothing).
package struct Scorer: Sendable {
    package let policy: ScoringPolicy
    package let inputs: ScoringInputs

    package init(policy: ScoringPolicy, inputs: ScoringInputs) {
        self.policy = policy
        self.inputs = inputs
    }

    /// People on the roster whose role has no scorecard: never scored, listed in the run summary.
    package var unscored: [Employee] {
        inputs.roster.latest.filter { policy.scorecard(for: $0.role) == nil }
    }

    /// Every card of every period with data, for each configured grain.
    package func scoreAll() -> [ScoreFact] {
        var out: [ScoreFact] = []
        for grain in policy.grains {
            for period in inputs.periods(of: grain) {
                for employee in inputs.roster.people(in: period) {
                    out += score(employee, period: period)
                }
            }
        }
        return out
    }

    /// The scope a card is about: providers are roster rows with role `provider`.
    package static func scope(of employee: Employee) -> ScopeType {
        employee.role == Attribution.providerRole ? .provider : .employee
    }

    /// One person's card for one period; empty when their role has no scorecard.
    package func score(_ employee: Employee, period: Period) -> [ScoreFact] {
        guard let card = policy.scorecard(for: employee.role) else { return [] }
        let segments = policy.segments.filter { $0.contains(employee, in: period) }.map(\.name)
        let scopeType = Self.scope(of: employee)
        var rows: [ScoreFact] = card.lines.map { line in
            var row = ScoreFact(grain: period.grain, periodStart: period.start, periodEnd: period.end, scopeType: scopeType,
                                scopeID: employee.id, name: employee.name, role: employee.role, scorecard: card.name,
                                line: line.name, weight: line.weight, effectiveWeight: line.weight, grade: "")
            let resolved = policy.target(line, for: employee, in: period, segments: segments)
            row.target = resolved?.value
            row.targetBasis = resolved?.basis
            switch line.source {
            case .metric(let metric, let profile, let lineScope):
                row.profile = profile
                let (type, id): (ScopeType, String?) = switch lineScope {
                case .employee: (scopeType, employee.id)
                case .team: (.team, employee.team)
                case .company: (.company, "all")
                }
                if let id, let fact = inputs.fact(period, type, id, metric: metric.rawValue, profile: profile) {
                    row.actual = fact.value
                    row.recordCount = fact.recordCount
                    row.definition = fact.definition
                } else if id == nil {
                    row.note = Bilingual("no team on the roster", "花名册上没有所属团队")
                }
            case .rating(let criterion):
                let ratings = (inputs.ratings[employee.id] ?? []).filter { $0.criterion == criterion && period.contains($0.month) }
                let byMonth = Dictionary(grouping: ratings, by: \.month)
                let blended = byMonth.keys.sorted().compactMap { RaterBlend.month(byMonth[$0]!, weights: line.raters) }
                let notes = blended.compactMap(\.note)
                let months = blended.compactMap { month in month.score.map { (score: $0, used: month.used) } }
                // Said on the line: who was left out, whose weight moved; with nothing left, why there is no data.
                if !notes.isEmpty {
                    row.note = months.isEmpty ? Bilingual("\(GradeBands.noData): ", "\(GradeBands.noData)：") + .joined(notes) : .joined(notes)
                }
                if !months.isEmpty {
                    // A quarter averages its months; each month is its raters' blend (one rating, or 360 weights).
                    row.actual = (months.reduce(Decimal(0)) { $0 + $1.score } / Decimal(months.count)).rounded(scale: 4)
                    row.recordCount = months.reduce(0) { $0 + $1.used.count }
                    row.definition = months.flatMap { $0.used.map(\.source) }.joined(separator: ", ")
                    if row.target == nil, let max = ratings.compactMap(\.maxScore).max() {
                        row.target = max
                        row.targetBasis = Bilingual("the rating's max score", "评分满分")
                    }
                }
            }
            if let actual = row.actual {
                row.achievement = line.curve.achievement(actual: actual, target: row.target, lowerIsBetter: line.lowerIsBetter)
                if row.achievement == nil { row.note = Bilingual("no positive target for this period", "本期没有大于零的目标") }
                row.achievementUncapped = line.curve.uncapped(actual: actual, target: row.target, lowerIsBetter: line.lowerIsBetter)
            }
            return row
        }
        // Lines without an achievement are absent: scored 0, or their weight moves to the others.
        let present = rows.filter { $0.achievement != nil }.reduce(Decimal(0)) { $0 + $1.weight }
        let configured = rows.reduce(Decimal(0)) { $0 + $1.weight }
        for index in rows.indices {
            if rows[index].achievement == nil {
                let why = rows[index].note ?? Bilingual("\(GradeBands.noData): no data in the period", "\(GradeBands.noData)：本期无数据")
                switch policy.missingData {
                case .zero:
                    rows[index].points = 0
                    rows[index].note = why + Bilingual("; scored 0 (missing_data: zero)", "；记 0 分（`missing_data: zero`）")
                case .reweight:
                    rows[index].effectiveWeight = 0
                    rows[index].note = why + Bilingual("; weight moved to lines with data (missing_data: reweight)",
                                                       "；权重移至有数据的考核项（`missing_data: reweight`）")
                }
            } else {
                if policy.missingData == .reweight && present > 0 && present != configured {
                    rows[index].effectiveWeight = (rows[index].weight * configured / present).rounded(scale: 4)
                }
                rows[index].points = (rows[index].effectiveWeight * rows[index].achievement!).rounded(scale: 2)
            }
        }
        let (veto, deductions) = violations(for: employee, in: period)
        var total: Decimal? = present > 0 || policy.missingData == .zero
            ? rows.reduce(Decimal(0)) { $0 + ($1.points ?? 0) } : nil
        if let sum = total, !deductions.isEmpty { total = max(0, sum - deductions.reduce(Decimal(0)) { $0 + $1.points }) }
        var grade = total.map(policy.grades.grade) ?? GradeBands.noData
        if veto != nil {
            total = 0
            grade = GradeBands.veto
        }
        let bonus = (card.bonus ?? policy.bonus)[grade]
        let review = Self.review(grade: grade, bonus: bonus, policy: policy)
        for index in rows.indices {
            rows[index].total = total
            rows[index].grade = grade
            rows[index].veto = veto
            rows[index].bonus = bonus
            rows[index].review = review
        }
        rows.append(ScoreFact(grain: period.grain, periodStart: period.start, periodEnd: period.end, scopeType: scopeType,
                              scopeID: employee.id, name: employee.name, role: employee.role, scorecard: card.name,
                              line: "total", targetBasis: segments.isEmpty ? nil : Bilingual("segments: " + segments.joined(separator: ", "),
                                                                                "人群：" + segments.joined(separator: "，")),
                              weight: configured, effectiveWeight: configured, points: total, total: total, grade: grade,
                              veto: veto, note: Self.totalNote(rows, policy: policy, veto: veto, deductions: deductions.map(\.why))))
        rows[rows.count - 1].bonus = bonus
        rows[rows.count - 1].review = review
        return rows
    }

    /// Why a card needs a person before anything follows: a veto, the lowest grade, or a bonus below 1 cut
    /// pay, and the seeds warn against letting a KPI alone do that. Nil when nothing is cut.
    static func review(grade: String, bonus: Decimal?, policy: ScoringPolicy) -> Bilingual? {
        let coefficient = bonus.map { " (bonus ×\($0.plainString))" } ?? ""
        let coefficientZh = bonus.map { "（奖金系数 ×\($0.plainString)）" } ?? ""
        if grade == GradeBands.veto {
            return Bilingual("needs review: a veto\(coefficient); a person decides, with the violation's evidence",
                             "需人工复核：一票否决\(coefficientZh)；由人根据违规证据来决定")
        }
        if grade == policy.grades.fallback {
            return Bilingual("needs review: grade \(grade), the lowest\(coefficient); a person decides before pay is cut",
                             "需人工复核：等级 \(grade) 为最低等级\(coefficientZh)；扣减薪酬前须由人来决定")
        }
        if let bonus, bonus < 1 {
            return Bilingual("needs review: grade \(grade)\(coefficient) cuts pay; a person decides",
                             "需人工复核：等级 \(grade)\(coefficientZh) 会扣减薪酬；由人来决定")
        }
        return nil
    }

    /// What the total row says besides its number: how the card's `missing_data` policy treated the lines
    /// without an achievement (the weight moved is stated, not left to the line notes), and a veto.
    static func totalNote(_ lines: [ScoreFact], policy: ScoringPolicy, veto: Bilingual?, deductions: [Bilingual] = []) -> Bilingual? {
        var parts: [Bilingual] = []
        let missing = lines.filter { $0.achievement == nil }
        if !missing.isEmpty {
            let weight = missing.reduce(Decimal(0)) { $0 + $1.weight }
            let names = missing.map { "\($0.line) \($0.weight.plainString)" }.joined(separator: ", ")
            let namesZh = missing.map { "\(lineName($0.line)) \($0.weight.plainString)" }.joined(separator: "，")
            switch policy.missingData {
            case .reweight:
                parts.append(Bilingual("missing_data: reweight; \(weight.plainString) of the weight (\(names)) moved to the lines with data",
                                       "`missing_data: reweight`；权重 \(weight.plainString)（\(namesZh)）移至有数据的考核项"))
            case .zero:
                parts.append(Bilingual("missing_data: zero; \(weight.plainString) of the weight (\(names)) scored 0",
                                       "`missing_data: zero`；权重 \(weight.plainString)（\(namesZh)）记 0 分"))
            }
        }
        // Points a violation took off (none count once the card is vetoed).
        if veto == nil { parts += deductions }
        if veto != nil { parts.append(Bilingual("vetoed: total set to 0, line points kept", "一票否决：总分记 0，各项得分保留")) }
        return parts.isEmpty ? nil : .joined(parts)
    }

    /// A card line in Chinese: a metric's name (`gmv_growth` → 销售额增长率), a rating's criterion as written.
    static func lineName(_ line: String) -> String {
        line.hasPrefix("rating:") ? String(line.dropFirst("rating:".count)) : DisplayNames.metric(line, .zh)
    }

    /// What the violations in the period do to this card — the person's own, or ones against a shop they
    /// own: the first that vetoes it (its severity's rule is `veto`, or there are no severity rules), and
    /// the points the others take off. A severity the rules do not list vetoes, and says so: the strictest
    /// reading, for a person to review.
    func violations(for employee: Employee, in period: Period) -> (veto: Bilingual?, deductions: [(points: Decimal, why: Bilingual)]) {
        var veto: Bilingual?
        var deductions: [(points: Decimal, why: Bilingual)] = []
        for violation in inputs.violations where policy.vetoKinds.contains(violation.kind) {
            let day = policy.zone.date(of: violation.occurredAt)
            guard period.contains(day) else { continue }
            let mine = violation.employeeID.map { $0 == employee.id }
                ?? violation.shop.map { employee.shops.contains($0) } ?? false
            guard mine else { continue }
            // The severity is named where it decided something: under severity rules.
            let severity = violation.severity.flatMap { policy.vetoSeverity.isEmpty ? nil : (en: " (severity \($0))", zh: "（严重程度：\($0)）") }
                ?? (en: "", zh: "")
            let what = Bilingual("\(violation.id) \(DisplayNames.violationKind(violation.kind, .en))\(severity.en) on \(day) (\(violation.source))",
                                 "\(violation.id) \(DisplayNames.violationKind(violation.kind, .zh))\(severity.zh)，\(day)（\(violation.source)）")
            let rule = policy.vetoSeverity.isEmpty ? .veto : violation.severity.flatMap { policy.vetoSeverity[$0] }
            switch rule {
            case .deduct(let points)?:
                deductions.append((points, what + Bilingual(": \(points.plainString) points off the total", "：总分扣 \(points.plainString) 分")))
            case .veto?:
                if veto == nil { veto = what }
            case nil:
                if veto == nil {
                    let written = violation.severity.map { "`\($0)`" } ?? "no severity"
                    let writtenZh = violation.severity.map { "`\($0)`" } ?? "未写严重程度"
                    veto = what + Bilingual("; \(written) is not in veto_severity, so it vetoes", "；\(writtenZh) 不在 veto_severity 中，按一票否决处理")
                }
            }
        }
        return (veto, deductions)
    }
}
