import ArgumentParser
import Foundation
import KPIFacts
import KPIPipeline
import KPISchema
import KPIText
import KPIWorkspace

extension Kpibridge {
    struct Reconcile: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: Help.pick("Show one metric under two teams' definitions, the bridge from one value to the other, and the records behind it.",
                                "按两个团队的口径分别显示同一个指标，从一个值到另一个值的差异桥，以及背后的记录。"),
            discussion: Help.pick("""
                Reads fact_reconciliation, fact_reconciliation_bridge and reconciliation_detail, which `kpibridge \
                run` writes for the profile pairs under `reconcile:` in definitions.yaml. The bridge walks from the \
                first profile's value to the second's: one line per cause with its records and signed effect, in \
                the first profile's currency, summing to the difference (a rounding or residual line shows anything \
                the causes do not cover). With --records, each record follows, naming why it counts differently \
                (shipped_event, event_missing, period_boundary, refund, tax, shipping, currency, inventory, \
                response_time, sla, cost_basis, margin_fees, ad_attribution, complaint_tags, version_change) and the \
                file and line it came from.
                """, """
                读取 fact_reconciliation、fact_reconciliation_bridge 和
                reconciliation_detail；这几张表由 `kpibridge run` 按 definitions.yaml 中
                `reconcile:` 下的口径组合写入。差异桥从第一个口径的值走到第二个口径的值：
                每个原因一行，附其记录和带正负号的影响，以第一个口径的币种计，
                合计等于差额（原因未覆盖的部分显示在舍入或残差行）。加 --records 时，
                后面逐条列出记录，说明它为何计法不同（shipped_event、event_missing、
                period_boundary、`refund`、`tax`、`shipping`、`currency`、`inventory`、
                response_time、`sla`、cost_basis、margin_fees、ad_attribution、
                complaint_tags、version_change），以及它来自哪个文件的哪一行。
                """, examples: """
                kpibridge reconcile --workspace samples/workspace --metric gmv --profiles cn,us --period 2026-10
                kpibridge reconcile --workspace samples/workspace --metric shipped_orders --period 2026-10 --records
                kpibridge reconcile --workspace samples/workspace --metric gmv --period 2026-10 --scope platform:amazon --lang zh
                kpibridge reconcile --workspace samples/workspace --metric gmv --period 2026-10 --format json
                kpibridge reconcile --workspace samples/workspace --metric gmv --period 2026-10 --format csv --out gmv.csv
                """))

        @OptionGroup var options: WorkspaceOptions

        @Option(help: .pick("The metric, e.g. shipped_orders, gmv, orders, first_response_hours.",
                            "指标，例如 shipped_orders、`gmv`、`orders`、first_response_hours。"))
        var metric: String

        @Option(help: .pick("Two profiles, A,B (default: the first pair under reconcile.pairs).",
                            "两个口径，写成 A,B（默认：reconcile.pairs 下的第一组）。"))
        var profiles: String?

        @Option(help: .pick("2026-10 (a month) or 2026-10-31 (a day; with --grain week, its week).",
                            "2026-10（月）或 2026-10-31（日；加 --grain `week` 时为它所在的周）。"))
        var period: String

        @Option(help: .pick("day, week or month (default: month for YYYY-MM, day for a date).",
                            "`day`、`week` 或 `month`（默认：YYYY-MM 为 `month`，具体日期为 `day`）。"))
        var grain: Grain?

        @Option(help: .pick("company, platform:ID or shop:ID.", "`company`、`platform:ID` 或 `shop:ID`。"))
        var scope: String = "company"

        @Option(help: .pick("text, json (the row, the bridge and the records) or csv (the records).",
                            "`text`、`json`（对账行、差异桥和记录）或 `csv`（记录）。"))
        var format: String = "text"

        @Flag(help: .pick("List each record behind the difference after the bridge (text).", "在差异桥之后逐条列出造成差异的记录（`text` 格式）。"))
        var records = false

        @OptionGroup var language: LanguageOptions

        @Option(help: .pick("Write to this file instead of standard output.", "写入这个文件，而不是标准输出。"))
        var out: String?

        func validate() throws {
            guard Period(naming: period, grain: grain) != nil else {
                throw ValidationError(Help.pick("--period `\(period)` is not like 2026-10 or 2026-10-31",
                                                "--period `\(period)` 的写法不对，应如 2026-10 或 2026-10-31"))
            }
            guard ReconcileReport.scope(scope) != nil else {
                throw ValidationError(Help.pick("--scope `\(scope)` is not company, platform:ID or shop:ID",
                                                "--scope `\(scope)` 不对，应为 `company`、`platform:ID` 或 `shop:ID`"))
            }
            guard ["text", "json", "csv"].contains(format) else {
                throw ValidationError(Help.pick("--format must be text, json or csv, not `\(format)`",
                                                "--format 只能是 `text`、`json` 或 `csv`，不能是 `\(format)`"))
            }
            if let profiles, profiles.split(separator: ",").count != 2 {
                throw ValidationError(Help.pick("--profiles takes two profile names, like cn,us", "--profiles 需要两个口径名，如 `cn,us`"))
            }
        }

        func run() throws {
            let pipeline = try options.pipeline(.readOnly)
            let job = ReconcileJob(pipeline: pipeline, metric: metric, profiles: profiles,
                                   period: Period(naming: period, grain: grain)!, scope: scope)
            guard let pair = job.pair else {
                throw ValidationError(Help.pick("definitions.yaml has fewer than two profiles; nothing to reconcile",
                                                "definitions.yaml 中的口径不足两个，无可对账"))
            }
            let report = try job.run(pair: pair)
            let text = switch format {
            // Files for tools change their headers for an explicit --lang only.
            case "csv": report.csv(language: language.lang)
            case "json": report.json(language: language.lang)
            default: report.text(language: language.names, listRecords: records) + "\n"
            }
            if let out {
                do { try text.write(toFile: out, atomically: true, encoding: .utf8) } catch {
                    throw PipelineError.failed(Bilingual("cannot write \(out): \(error.localizedDescription)",
                                                         "无法写入 \(out)：\(error.localizedDescription)"))
                }
            } else {
                try StandardOutput.write(text)
            }
        }
    }
}

extension Grain: ExpressibleByArgument {}
