import Foundation
import KPISchema
import KPIScoring

extension ScorecardsFile {
    /// `bonus:` (奖金系数) of the file or of one card: grade → coefficient. Every grade the bands can give must
    /// be listed — a grade without one would leave someone's pay to a default nobody wrote — and `VETO` may
    /// be; a vetoed card without one gets no coefficient, and its row says so.
    static func bonus(_ m: StrictMapping, grades: GradeBands,
                      problem: (StrictMapping, String, Bilingual) -> Void) throws(PipelineError) -> [String: Decimal]? {
        guard let section = try m.mapping("bonus") else { return nil }
        let needed = grades.bands.map(\.grade) + [grades.fallback]
        let allowed = needed + [GradeBands.veto]
        var out: [String: Decimal] = [:]
        for key in section.keys {
            guard allowed.contains(key) else {
                let hint = StrictMapping.hint(key, among: allowed)
                problem(section, key, Bilingual("is not a grade (grades: \(allowed.joined(separator: ", ")))" + hint.en,
                                                "不是等级（可用等级：\(allowed.joined(separator: "、"))）" + hint.zh))
                continue
            }
            guard let value = try section.decimal(key), value >= 0 else {
                problem(section, key, Bilingual("must be a coefficient of 0 or more (1.2 pays 120 %)", "应为不小于 0 的系数（1.2 表示发放 120%）"))
                continue
            }
            out[key] = value
        }
        let missing = needed.filter { out[$0] == nil }
        if !missing.isEmpty {
            problem(m, "bonus", Bilingual("lists no coefficient for \(missing.joined(separator: ", ")): give every grade one (0 for none)",
                                          "没有给出 \(missing.joined(separator: "、")) 的系数：每个等级都要写（不发放写 0）"))
        }
        return out
    }
}
