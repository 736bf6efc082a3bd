import KPIPipeline
import KPISchema

extension CloseJob.Closed {
    /// What the close did, and what it means for later runs.
    package func text(_ language: DisplayLanguage) -> String {
        let say = language.pick
        let grain = language == .zh ? DisplayNames.grain(period.grain.rawValue, .zh) : period.grain.rawValue
        guard closedNow else {
            return say("\(grain) \(period.label) was closed already; nothing changed (`kpibridge status` lists the closes).",
                       "\(grain) \(period.label) 已经结账，没有任何变化（`kpibridge status` 会列出已结账的周期）。")
        }
        return say("""
            closed \(grain) \(period.label) (\(period.start)…\(period.end)) by \(by.escapingControlCharacters()), run #\(runID): \
            its \(facts) facts, reconciliation and scores stay as they stand. A later file, correction or roster change \
            that would alter them is written to v_restatements instead; `kpibridge reopen --period \(period.label) --reason …` \
            recomputes the period.
            """, """
            已结账：\(grain) \(period.label)（\(period.start) 至 \(period.end)），结账人 \(by.escapingControlCharacters())，运行 #\(runID)：\
            其 \(facts) 行指标、对账和得分保持现状。之后若有迟到的文件、更正或花名册变动会改变它们，\
            将写入 v_restatements，而不会改动已结账的数字；`kpibridge reopen --period \(period.label) --reason …` 会重新计算该周期。
            """)
    }
}
