import ArgumentParser
import KPIPipeline
import KPIText

extension Kpibridge {
    struct Status: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: Help.pick("Show the run holding the store now, if any, and the latest runs.",
                                "显示当前占用存储的运行（如有）和最近的几次运行。"),
            discussion: Help.pick("""
                One line per run: when it started, how long it took, files read and skipped, rows loaded and \
                quarantined, its exit code and status (a failure's first line). A run whose process died is \
                shown `abandoned` once the next run has started. Every column of every run: \
                kpibridge export --table runs --format jsonl
                """, """
                每次运行一行：开始时间、用时、读取和跳过的文件数、加载和隔离的行数、
                退出码和状态（失败时为错误信息的第一行）。进程已死掉的运行，
                在下一次运行开始后显示为 `abandoned`（进程中止，已放弃）。
                查看每次运行的全部列：
                kpibridge export --table runs --format jsonl
                """, examples: """
                kpibridge status --workspace samples/workspace --limit 5
                kpibridge status --workspace samples/workspace --format json
                kpibridge status --workspace samples/workspace --lang zh
                """))

        @OptionGroup var options: WorkspaceOptions

        @Option(help: .pick("How many runs to list, newest first.", "列出多少次运行，最新的在前。"))
        var limit: Int = 10

        @Option(help: .pick("text, or json (one object, for monitoring).", "`text`，或 `json`（一个对象，供监控使用）。"))
        var format: OutputFormat = .text

        @OptionGroup var language: LanguageOptions

        func validate() throws {
            guard limit > 0 else { throw ValidationError(Help.pick("--limit must be at least 1", "--limit 至少为 1")) }
        }

        func run() throws {
            let pipeline = try options.pipeline(.readOnly)
            let history = try RunHistory.load(pipeline, limit: limit)
            try StandardOutput.line(format == .json ? history.json : history.text(language: language.language))
        }
    }
}
