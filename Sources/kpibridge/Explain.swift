import ArgumentParser
import Foundation
import KPIPipeline
import KPISchema
import KPIText

extension Kpibridge {
    struct Explain: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: Help.pick("Show how a score or a metric was reached: line by line, down to the records and export lines behind it.",
                                "说明得分或指标是怎么算出来的：逐个考核项，直到背后的每条记录和导出文件的行。"),
            discussion: Help.pick("""
                With --employee: each line's actual with its definition and record count, the target version and \
                why it applies, achievement, weight and points; then the total, grade and any veto with its source. \
                Add --line to list the records behind one line's actual. With --provider: each pool threshold with the \
                provider's value, the result, and its step on the ladder (probation, pool, warning, downgraded).
                With --metric, --profile and --scope: the records behind that fact. Each record (order, ticket, \
                traffic row, ad, fee …) is listed with its share — of the value for a sum, of the numerator and \
                denominator for a ratio or mean — and the file:line it was read from; the shares add up to the \
                stored fact, and the last line says whether they do. Records are replayed as the last refresh \
                counted them: ownership on the record's day, the profile's zone, exchange rates, cancellations.
                """, """
                使用 --employee：每个考核项的实际值及其口径和记录数、所用的目标版本及其适用原因、达成率、
                权重和得分；最后是总分、等级，以及一票否决（如有）和它的来源。加上 --line 可列出某个考核项
                实际值背后的记录。使用 --provider：逐项列出服务商的合格阈值及其实际值、结果，
                以及它在分级阶梯上的变化（考察期、合格池、警告、降级）。
                使用 --metric、--profile 和 --scope：列出该指标值背后的记录。每条记录（订单、工单、流量行、
                广告、费用……）都给出它的份额（求和类指标给出对值的贡献，比率或均值给出分子和分母的贡献）
                以及读取它的文件和行号；各份额之和等于存储中的指标值，最后一行会说明是否相符。记录按上次
                刷新时的方式重算：按记录当天的归属、口径的时区、汇率和取消状态。
                """, examples: """
                kpibridge explain --workspace samples/workspace --employee E001 --period 2026-10
                kpibridge explain --workspace samples/workspace --employee E001 --period 2026-10 --line gmv
                kpibridge explain --workspace samples/workspace --metric gmv --profile us --period 2026-10 --scope shop:amazon-us
                kpibridge explain --workspace samples/workspace --provider P01 --period 2026-10
                kpibridge explain --workspace samples/workspace --metric csat --profile us --period 2026-10 --scope employee:E002 --format csv
                KPIBRIDGE_LANG=zh kpibridge explain --workspace samples/workspace --employee E001 --period 2026-10
                """))

        @OptionGroup var options: WorkspaceOptions

        @Option(help: .pick("Employee (or provider) id from the roster, e.g. E001.", "花名册中员工（或服务商）的 ID，例如 E001。"))
        var employee: String?

        @Option(help: .pick("A service provider (代运营) id from the roster, e.g. P01: why it stands where it does.",
                            "花名册中服务商的 ID，例如 P01：说明它为何处于当前档位。"))
        var provider: String?

        @Option(help: .pick("With --employee: one score line (its name or metric) whose records to list.",
                            "与 --employee 一起使用：要列出其记录的考核项（名称或指标名）。"))
        var line: String?

        @Option(help: .pick("A metric of the catalog (gmv, orders, csat …) whose records to list.",
                            "要列出其记录的指标（`gmv`、`orders`、`csat`……）。"))
        var metric: String?

        @Option(help: .pick("With --metric: the definition profile (cn, us …).", "与 --metric 一起使用：口径（`cn`、`us`……）。"))
        var profile: String?

        @Option(help: .pick("With --metric: TYPE:ID, e.g. shop:amazon-us, team:US Support, employee:E001 (default: company).",
                            "与 --metric 一起使用：类型:ID，例如 `shop:amazon-us`、`team:US Support`、`employee:E001`（默认：`company`）。"))
        var scope: String = "company"

        @OptionGroup var when: PeriodOptions

        @Option(help: .pick("text; json (a card's fact_score rows, or a trace with every record); csv (a trace's records).",
                            "`text`；`json`（考核表在 fact_score 中的各行，或包含每条记录的明细）；`csv`（明细中的记录）。"))
        var format: ExplainFormat = .text

        @OptionGroup var language: LanguageOptions

        func validate() throws {
            let asked = [employee, metric, provider].compactMap { $0 }.count
            if asked == 0 {
                throw ValidationError(Help.pick("give --employee (a scorecard), --provider (a provider's tier) or --metric with --profile (a fact)",
                                                "请给出 --employee（考核表）、--provider（服务商档位）或 --metric 与 --profile（指标值）"))
            }
            if asked > 1 {
                throw ValidationError(Help.pick("give one of --employee, --provider and --metric", "--employee、--provider 和 --metric 只能给出一个"))
            }
            if provider != nil && format != .text {
                throw ValidationError(Help.pick("--provider prints text (provider_status holds the rows: `kpibridge export --table provider_status`)",
                                                "--provider 只输出文本（数据行见 provider_status：`kpibridge export --table provider_status`）"))
            }
            if line != nil && employee == nil {
                throw ValidationError(Help.pick("--line needs --employee", "--line 需要与 --employee 一起使用"))
            }
            if metric != nil && profile == nil {
                throw ValidationError(Help.pick("--metric needs --profile (e.g. --profile us)", "--metric 需要 --profile（例如 `--profile us`）"))
            }
            if format == .csv && line == nil && metric == nil {
                throw ValidationError(Help.pick("--format csv lists records: give --line or --metric", "`--format csv` 用于列出记录：请给出 --line 或 --metric"))
            }
        }

        func run() throws {
            let pipeline = try options.pipeline(.readOnly)
            if let provider {
                try StandardOutput.line(try ProviderExplanation.load(pipeline, provider: provider, period: when.value).text(language.language))
                return
            }
            let job = TraceJob(pipeline: pipeline)
            let target = try metric.map { try job.target(metric: $0, profile: profile!, period: when.value, scope: scope) }
                ?? line.map { try job.target(employee: employee!, line: $0, period: when.value) }
            guard let target else {
                let report = try ScoreReport.load(period: when.value, store: pipeline.store)
                try StandardOutput.line(format == .json ? try report.explainJSON(employee!) : try report.explain(employee!, language: language.language))
                return
            }
            let result = try job.run(target)
            switch format {
            case .text: try StandardOutput.write(result.text(language.language))
            case .json: try StandardOutput.write(result.json())
            case .csv: try StandardOutput.write(result.csv())
            }
        }
    }
}

/// `explain --format`: csv only for a trace's records.
enum ExplainFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, csv
}
