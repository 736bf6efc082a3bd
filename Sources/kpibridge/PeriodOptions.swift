import ArgumentParser
import KPIPipeline
import KPISchema

/// `--period` and `--grain` for the commands that show scorecards.
struct PeriodOptions: ParsableArguments {
    @Option(help: "2026-10 (a month) or 2026-Q4 (a quarter).")
    var period: String

    @Option(help: "month or quarter (default: from --period).")
    var grain: Grain?

    func validate() throws {
        guard Period(naming: period, grain: grain) != nil else {
            throw ValidationError("--period `\(period)` is not like 2026-10 or 2026-Q4")
        }
    }

    var value: Period { Period(naming: period, grain: grain)! }
}
