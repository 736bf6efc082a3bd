import ArgumentParser
import Foundation
import KPIPipeline
import KPISchema
import KPIText

extension Kpibridge {
    struct Close: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: Help.pick("Close a past month or quarter: its numbers stay as signed off; later changes become restatements.",
                                "结账：已过去的月份或季度的数字按签字时保持不变；之后的变动记为重述。"),
            discussion: Help.pick("""
                Records who closed the period and after which run. From then on every run keeps the period's \
                fact_metric rows, reconciliation and scores as they stand; where a late file, a correction or a \
                roster change would give a fact another value, the run writes a restatement (closed value, \
                current value, cause) that `status`, the run summary and the v_restatements view show. Refused \
                while the period is under way or while loaded records wait for a run. `reopen` undoes it.
                """, """
                记录谁在哪次运行之后为该周期结账。此后每次运行都保持该周期的 fact_metric、
                对账和得分不变；若迟到的文件、更正或花名册变动会让某个指标得出别的值，
                运行会写入一条重述（结账值、当前值、原因），在 `status`、运行摘要和
                v_restatements 视图中可见。周期尚未结束或已加载的记录尚未运行时会拒绝结账。
                用 `reopen` 撤销。
                """, examples: """
                kpibridge close --workspace samples/workspace --period 2026-10
                kpibridge close --workspace samples/workspace --period 2026-Q3 --by 李经理
                kpibridge export --workspace samples/workspace --table v_restatements
                """))

        @OptionGroup var options: WorkspaceOptions

        @OptionGroup var when: PeriodOptions

        @Option(help: .pick("Who signs the close off (default: the user and host running the command).",
                            "结账人（默认：运行本命令的用户和主机）。"))
        var by: String?

        @OptionGroup var language: LanguageOptions

        func run() throws {
            let pipeline = try options.pipeline(.existing)
            try StandardOutput.line(try CloseJob(pipeline: pipeline).close(when.value, by: by).text(language.language))
        }
    }

    struct Reopen: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: Help.pick("Reopen a closed period with a reason and recompute it from the records stored now.",
                                "说明原因后重新打开已结账的周期，并用当前存储的记录重新计算。"),
            discussion: Help.pick("""
                Marks the close reopened (who, when, why: kept with it), drops the period's restatements and runs \
                as `kpibridge run --recompute` over the period, so its facts, reconciliation and scores take the \
                values the restatements named. Close it again when it is signed off anew.
                """, """
                将结账标记为重新打开（谁、何时、原因：与结账记录一起保存），删除该周期的重述，
                并像 `kpibridge run --recompute` 一样重新计算该周期，使其指标、对账和得分
                采用重述中给出的值。重新签字确认后可再次结账。
                """, examples: """
                kpibridge reopen --workspace samples/workspace --period 2026-10 --reason "Walmart October file arrived late"
                """))

        @OptionGroup var options: WorkspaceOptions

        @OptionGroup var when: PeriodOptions

        @Option(help: .pick("Why the period is reopened (kept with the close).", "重新打开的原因（与结账记录一起保存）。"))
        var reason: String

        @Option(help: .pick("Who reopens it (default: the user and host running the command).", "重新打开的人（默认：运行本命令的用户和主机）。"))
        var by: String?

        @OptionGroup var language: LanguageOptions

        func run() throws {
            let pipeline = try options.pipeline(.existing)
            let report = try CloseJob(pipeline: pipeline).reopen(when.value, by: by, reason: reason)
            try StandardOutput.line(report.text(language: language.language))
            if report.exitCode != 0 { throw ExitCode(report.exitCode) }
        }
    }
}
