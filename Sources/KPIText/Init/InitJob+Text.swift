import Foundation
import KPIPipeline
import KPISchema

extension InitJob.Outcome {
    /// What was written, where each shop's exports go, and the walk from here to a scheduled report,
    /// each step a command that runs as printed.
    package func text(_ invocation: Invocation, language l: DisplayLanguage = .en) -> String {
        let here = Invocation(workspace: directory, store: invocation.store)
        // Chinese steps keep the reader in Chinese whatever the locale of the shell that runs them.
        let lang = l == .zh ? " --lang zh" : ""
        var lines = [l.pick("kpibridge init · wrote a workspace in \(directory)", "kpibridge init · 已在 \(directory) 写好工作区")]
        for file in files { lines.append("  \(file)") }
        lines.append(l.pick("inbox folders:", "收件箱文件夹："))
        for shop in shops {
            lines.append("  inbox/\(shop.shop)/  ← \(titles[shop.connector].map { $0(l) } ?? shop.connector) [\(shop.connector)]")
        }
        lines.append(l.pick("  inbox/team/  ← the roster (columns in templates/roster.csv, or roster_en.csv), ratings, violations,",
                            "  inbox/team/  ← 花名册（列见 templates/roster.csv 或 roster_en.csv）、评分、违规记录，"))
        lines.append(l.pick("                and the SKU cost history (columns in templates/sku_costs.csv) for cogs, margin and stock value",
                            "                以及 SKU 成本历史（列见 templates/sku_costs.csv），用于 `cogs`、毛利和库存金额"))
        lines += [
            l.pick("next:", "接下来："),
            "  1. " + l.pick("drop exports into the folders above, and add a rate per currency and day to fx_rates.csv "
                                 + "(the run names any it lacks); read definitions.yaml and set your targets in scorecards.yaml, "
                                 + "or per person, shop or team in targets.csv",
                             "把导出文件放进上面的文件夹，并在 fx_rates.csv 中为每种货币每天填一个汇率（运行会指出缺哪些）；"
                                 + "阅读 definitions.yaml，在 scorecards.yaml 中设定目标，或在 targets.csv 中按人、店铺或团队设定"),
            "  2. " + here.command("validate") + lang,
            "  3. " + here.command("run") + lang,
            "  4. " + here.command("report", "--period", lastMonth, "--out", "report.html") + lang,
            "  5. " + here.command("schedule print", "--schedules", (directory as NSString).appendingPathComponent("schedules")) + lang,
        ]
        return lines.joined(separator: "\n")
    }
}
