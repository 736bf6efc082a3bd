import Foundation
import KPISchema

extension ReportPage {
    /// One person's (team's, provider's) scorecard for the period.
    struct Card: Sendable {
        struct Line: Sendable {
            let name: String
            let actual: String
            let target: String
            let achievement: String
            /// Bar length in percent of the track; the track ends at 120 % achievement, the default cap.
            let bar: String
            /// `met` at or above target, `short` below, `none` without data.
            let barClass: String
            let weight: String
            let points: String
            let note: String?
        }

        let id: String
        let name: String
        let role: String
        let scorecard: String
        let total: String
        let grade: String
        /// `grade-S` … `grade-D`, `grade-VETO`: the badge colour.
        let gradeClass: String
        let veto: String?
        /// `bonus ×1.2` beside the grade, when the card declares coefficients.
        let bonus: String?
        /// Why a person must look at the card before anything follows (a veto, the lowest grade, a cut bonus).
        let review: String?
        let targetBasis: String?
        /// How the card's `missing_data` policy treated lines without data, beside the total.
        let missingData: String?
        let lines: [Line]
    }

    /// A team (or the providers): its cards and one line a manager compares teams by.
    struct CardGroup: Sendable {
        let name: String
        /// `3 cards · mean total 87.45 · A 2, VETO 1`.
        let summary: String
        let cards: [Card]
    }

    /// Grades in the order a summary lists them.
    static let gradeOrder = ["S", "A", "B", "C", "D", "VETO"]

    /// Where the achievement track ends: 100 % achievement sits at 1/1.2 of it.
    static let barCap = Decimal(string: "1.2")!

    /// Cards grouped by roster team (providers apart, people without a team last); `NO_DATA`
    /// cards only named, so a quiet month does not bury the cards that matter.
    static func cards(_ input: ReportInput, _ words: ReportWords) -> ([CardGroup], String?) {
        var byCard: [String: [ScoreFact]] = [:]
        var order: [String] = []
        for fact in input.scores {
            let key = "\(fact.scopeType.rawValue)|\(fact.scopeID)|\(fact.scorecard)"
            if byCard[key] == nil { order.append(key) }
            byCard[key, default: []].append(fact)
        }
        // Teams by name, then people without a team, then providers.
        var groups: [GroupKey: [(total: ScoreFact, lines: [ScoreFact])]] = [:]
        var quiet: [String] = []
        for key in order {
            let facts = byCard[key]!
            guard let total = facts.first(where: { $0.line == "total" }) else { continue }
            if total.grade == "NO_DATA" {
                quiet.append("\(total.name) (\(total.scopeID))")
                continue
            }
            let group = switch total.scopeType {
            case .provider: GroupKey(rank: 2, name: words.providers)
            case .team: GroupKey(rank: 0, name: total.scopeID)
            default: input.teams[total.scopeID].map { GroupKey(rank: 0, name: $0) } ?? GroupKey(rank: 1, name: words.noTeam)
            }
            groups[group, default: []].append((total, facts.filter { $0.line != "total" }))
        }
        let sorted = groups.keys.sorted().map { key in
            let members = groups[key]!
            return CardGroup(name: key.name, summary: summary(members.map(\.total), words),
                             cards: members.map { card(total: $0.total, lines: $0.lines, words) })
        }
        return (sorted, quiet.isEmpty ? nil : quiet.joined(separator: ", "))
    }

    /// The cards' count, mean total (a vetoed card counts its 0, as in fact_score) and grades.
    private static func summary(_ totals: [ScoreFact], _ words: ReportWords) -> String {
        let values = totals.map { $0.total ?? 0 }
        let mean = values.reduce(0, +) / Decimal(values.count)
        var counts: [String: Int] = [:]
        for total in totals { counts[total.grade, default: 0] += 1 }
        let grades = gradeOrder.compactMap { grade in counts[grade].map { "\(DisplayNames.grade(grade, words.language)) \($0)" } }
            .joined(separator: words.language.pick(", ", "，"))
        return words.groupSummary(cards: totals.count, mean: NumberText.trimmed(mean), grades: grades)
    }

    private struct GroupKey: Hashable, Comparable {
        let rank: Int
        let name: String

        static func < (lhs: GroupKey, rhs: GroupKey) -> Bool { (lhs.rank, lhs.name) < (rhs.rank, rhs.name) }
    }

    private static func card(total: ScoreFact, lines: [ScoreFact], _ words: ReportWords) -> Card {
        Card(id: total.scopeID, name: total.name, role: total.scopeType == .provider ? words.provider : total.role,
             scorecard: total.scorecard,
             total: total.total.map(NumberText.trimmed) ?? "–", grade: DisplayNames.grade(total.grade, words.language),
             gradeClass: "grade-" + total.grade.filter { $0.isLetter || $0 == "_" },
             veto: total.veto?(words.language), bonus: total.bonus.map { words.bonus(NumberText.trimmed($0)) },
             review: total.review?(words.language), targetBasis: total.targetBasis?(words.language),
             missingData: missingData(total.note, words.language),
             lines: lines.map { line in
                 let achievement = line.achievement
                 let bar = achievement.map { Swift.min($0, barCap) / barCap * 100 }
                 let weight = line.effectiveWeight == line.weight ? NumberText.trimmed(line.weight)
                     : "\(NumberText.trimmed(line.weight)) → \(NumberText.trimmed(line.effectiveWeight))"
                 return Card.Line(
                    name: words.line(line.line),
                    actual: line.actual.map { NumberText.metric($0, metric: line.line) } ?? words.noData,
                    target: line.target.map { NumberText.metric($0, metric: line.line) } ?? "–",
                    achievement: achievement.map { NumberText.percent($0) + (line.achievementUncapped.map(words.capped) ?? "") } ?? "–",
                    bar: bar.map { $0.fixed(1) } ?? "0",
                    barClass: achievement.map { $0 >= 1 ? "met" : "short" } ?? "none",
                    weight: weight,
                    points: line.points.map(NumberText.trimmed) ?? "–",
                    note: line.note?(words.language))
             })
    }

    /// The total note's first clause when it is the `missing_data` policy's (the veto's clause is shown apart).
    private static func missingData(_ note: Bilingual?, _ language: DisplayLanguage) -> String? {
        guard let text = note?(language) else { return nil }
        let first = text.components(separatedBy: language.pick("; vetoed", "；一票否决")).first ?? text
        return first.hasPrefix("missing_data") ? first : nil
    }
}
