import Foundation
import KPISchema
import KPIScoring

extension ScorecardsFile {
    /// `veto_severity:` — a violation's severity (严重程度, as the violations file writes it) → `veto`, or the
    /// points it takes off the total: `{严重: veto, 一般: 10, 轻微: 5}`.
    static func vetoSeverity(_ top: StrictMapping) throws(PipelineError) -> [String: SeverityRule] {
        guard let section = try top.mapping("veto_severity") else { return [:] }
        var rules: [String: SeverityRule] = [:]
        for key in section.keys {
            let text = try section.string(key) ?? ""
            if text == "veto" {
                rules[key] = .veto
            } else if let points = Decimal(plain: text), points > 0 {
                rules[key] = .deduct(points)
            } else {
                throw section.error(key, Bilingual("`\(text)` is neither `veto` nor the points to take off the total (e.g. 10)",
                                                   "`\(text)` 既不是 `veto`，也不是要从总分中扣除的分数（例如 10）"))
            }
        }
        return rules
    }
}
