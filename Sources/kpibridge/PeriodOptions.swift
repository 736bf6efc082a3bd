import ArgumentParser
import KPIPipeline
import KPISchema

/// `--period` and `--grain` for the commands that show scorecards.
struct PeriodOptions: ParsableArguments {
    @Option(help: .pick("2026-10 (a month) or 2026-Q4 (a quarter).", "2026-10（月）或 2026-Q4（季度）。"))
    var period: String

    @Option(help: .pick("month or quarter (default: from --period).", "`month` 或 `quarter`（默认：由 --period 推断）。"))
    var grain: Grain?

    func validate() throws {
        guard Period(naming: period, grain: grain) != nil else {
            throw ValidationError(Help.pick("--period `\(period)` is not like 2026-10 or 2026-Q4",
                                            "--period `\(period)` 的写法不对，应如 2026-10 或 2026-Q4"))
        }
    }

    var value: Period { Period(naming: period, grain: grain)! }
}
