import KPIPipeline
import KPISchema

extension ProviderExplanation {
    /// The thresholds with the provider's values, the step on the ladder, and the ladder's rules.
    package func text(_ language: DisplayLanguage) -> String {
        let say = language.pick
        let grain = language == .zh ? DisplayNames.grain(period.grain.rawValue, .zh) : period.grain.rawValue
        var lines = ["\(name) (\(provider)) · \(say("provider", "服务商")) · \(grain) \(period.label)".escapingControlCharacters()]
        for check in checks {
            let t = check.threshold
            let metric = language == .zh ? DisplayNames.metric(t.metric.rawValue, .zh) : t.metric.rawValue
            let rule = "\(metric) \(t.atLeast ? "≥" : "≤") \(t.limit.plainString)" + say(" (\(t.profile))", "（\(t.profile)）")
            let outcome: String
            if let value = check.value {
                let records = check.records.map { say(" (\($0) record\($0 == 1 ? "" : "s"))", "（\($0) 条记录）") } ?? ""
                outcome = "\(value.plainString)\(records)  " + (check.passes == true ? say("pass", "达标") : say("FAIL", "未达标"))
            } else {
                outcome = say("no data (not counted)", "无数据（不计入）")
            }
            lines.append("  \(TerminalWidth.pad(rule, 36))  \(outcome)")
        }
        let result = switch result {
        case "pass": say("pass", "达标")
        case "fail": say("fail", "未达标")
        default: say("no data: the tier stands still", "无数据：档位不变")
        }
        lines.append(say("  result: \(result) · ", "  结果：\(result) · ")
                     + "\(DisplayNames.providerTier(before, language)) → \(DisplayNames.providerTier(after, language))"
                     + say(" (failing periods in a row \(consecutiveFails), passing \(consecutivePasses))",
                           "（连续未达标 \(consecutiveFails) 期，连续达标 \(consecutivePasses) 期）"))
        let p = policy
        lines.append(say("  ladder: \(p.probationPeriods) passing period(s) end probation; \(p.warningAfter) failing → warning, "
                         + "\(p.downgradeAfter) → downgraded, \(p.terminateAfter) → terminated (proposed); \(p.recoverAfter) passing → pool",
                         "  规则：连续达标 \(p.probationPeriods) 期结束考察期；连续未达标 \(p.warningAfter) 期 → 警告，\(p.downgradeAfter) 期 → 降级，"
                         + "\(p.terminateAfter) 期 → 终止合作（建议）；连续达标 \(p.recoverAfter) 期 → 回到合格池"))
        if let review { lines.append("  " + review(language)) }
        return lines.joined(separator: "\n")
    }
}
