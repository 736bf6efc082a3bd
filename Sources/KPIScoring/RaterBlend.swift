import Foundation
import KPISchema

/// One month's rating of one criterion from its raters (360): each rater role's mean, weighted by the
/// line's `raters:`; without weights, every rater counts the same.
///
/// A role the weights list but nobody rated in gives its weight to the roles that did, and says so; a
/// rating whose role the weights do not list is left out, and said — never folded in at a weight nobody wrote.
enum RaterBlend {
    struct Month {
        /// Nil when no rating of the month carries a weight.
        var score: Decimal?
        /// The ratings the score is made of.
        var used: [ScoringInputs.Rating]
        var note: Bilingual?
    }

    static func month(_ ratings: [ScoringInputs.Rating], weights: [String: Decimal]?) -> Month? {
        guard !ratings.isEmpty else { return nil }
        let label = String(ratings[0].month.description.prefix(7))
        guard let weights, !weights.isEmpty else {
            let mean = ratings.reduce(Decimal(0)) { $0 + $1.score } / Decimal(ratings.count)
            let note = ratings.count > 1 ? Bilingual("\(label): the mean of \(ratings.count) raters", "\(label)：\(ratings.count) 位评分人的平均") : nil
            return Month(score: mean, used: ratings, note: note)
        }
        let byRole = Dictionary(grouping: ratings) { $0.raterRole ?? "" }
        let unweighted = ratings.filter { weights[$0.raterRole ?? ""] == nil }
        let roles = weights.keys.filter { byRole[$0] != nil }.sorted()
        var parts: [Bilingual] = []
        if !unweighted.isEmpty {
            let who = unweighted.map { "\($0.rater ?? "?") (\($0.raterRole ?? "no role"))" }.joined(separator: ", ")
            let whoZh = unweighted.map { "\($0.rater ?? "?")（\($0.raterRole ?? "无角色")）" }.joined(separator: "，")
            parts.append(Bilingual("\(label): left out, no weight under raters: \(who)", "\(label)：未计入（`raters` 中没有其权重）：\(whoZh)"))
        }
        guard !roles.isEmpty else { return Month(score: nil, used: [], note: .joined(parts)) }
        let missing = weights.keys.filter { byRole[$0] == nil }.sorted()
        if !missing.isEmpty {
            parts.append(Bilingual("\(label): no \(missing.joined(separator: ", ")) rating, its weight moved to \(roles.joined(separator: ", "))",
                                   "\(label)：没有 \(missing.joined(separator: "、")) 的评分，其权重移给 \(roles.joined(separator: "、"))"))
        }
        let total = roles.reduce(Decimal(0)) { $0 + weights[$1]! }
        var score = Decimal(0)
        for role in roles {
            let mine = byRole[role]!
            score += mine.reduce(Decimal(0)) { $0 + $1.score } / Decimal(mine.count) * weights[role]! / total
        }
        return Month(score: score, used: roles.flatMap { byRole[$0]! }, note: parts.isEmpty ? nil : .joined(parts))
    }
}
