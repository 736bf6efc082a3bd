import Foundation
import KPIPipeline

extension InitJob.Outcome {
    /// What was written, where each shop's exports go, and the walk from here to a scheduled report,
    /// each step a command that runs as printed.
    package func text(_ invocation: Invocation) -> String {
        let here = Invocation(workspace: directory, store: invocation.store)
        var lines = ["kpibridge init · wrote a workspace in \(directory)"]
        for file in files { lines.append("  \(file)") }
        lines.append("inbox folders:")
        for shop in shops {
            lines.append("  inbox/\(shop.shop)/  ← \(titles[shop.connector] ?? shop.connector) [\(shop.connector)]")
        }
        lines.append("  inbox/team/  ← the roster (columns in templates/roster.csv, or roster_en.csv), ratings, violations,")
        lines.append("                and the SKU cost history (columns in templates/sku_costs.csv) for cogs, margin and stock value")
        lines += [
            "next:",
            "  1. drop exports into the folders above, and add a rate per currency and day to fx_rates.csv "
                + "(the run names any it lacks); read definitions.yaml and set your targets in scorecards.yaml, "
                + "or per person, shop or team in targets.csv",
            "  2. " + here.command("validate"),
            "  3. " + here.command("run"),
            "  4. " + here.command("report", "--period", lastMonth, "--out", "report.html"),
            "  5. " + here.command("schedule print", "--schedules", (directory as NSString).appendingPathComponent("schedules")),
        ]
        return lines.joined(separator: "\n")
    }
}
