import ArgumentParser
import KPIPipeline
import KPISchema
import KPIText

extension Kpibridge {
    struct Prune: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: Help.pick("Delete run history older than a date: runs, their load-ledger entries, quarantined rows and fact change log.",
                                "删除某个日期之前的运行历史：运行记录及其加载台账条目、隔离的行和事实变更记录。"),
            discussion: Help.pick("""
                Records and fact tables are never pruned. The latest run is always kept. A date inside the \
                workspace's retention (`retention: {history_months: 6}` in kpibridge.yaml, 6 by default) is \
                refused. A pruned file's identity stays (table pruned_files), so the same file sent again is \
                still skipped as already loaded.
                """, """
                记录和事实表永远不会被清理。最近一次运行总会保留。
                落在工作区保留期内的日期（kpibridge.yaml 中的
                `retention: {history_months: 6}`，默认 6 个月）会被拒绝。
                被清理文件的身份会保留（表 pruned_files），所以同一个文件再次送来时
                仍会作为已加载的文件跳过。
                """, examples: """
                kpibridge prune --workspace samples/workspace --before 2026-05-01 --dry-run
                kpibridge prune --workspace samples/workspace --before 2026-05-01 --dry-run --lang zh
                """))

        @OptionGroup var options: WorkspaceOptions

        @OptionGroup var language: LanguageOptions

        @Option(help: .pick("Delete history of runs that started before this day (YYYY-MM-DD).", "删除在这一天（YYYY-MM-DD）之前开始的运行的历史。"))
        var before: String

        @Flag(help: .pick("Count what would be deleted, delete nothing.", "只统计将删除的内容，不实际删除。"))
        var dryRun = false

        func validate() throws {
            guard CivilDate(iso: before) != nil else { throw ValidationError(Help.pick("--before `\(before)` is not a date like 2026-05-01",
                                                                                       "--before `\(before)` 不是日期，应如 2026-05-01")) }
        }

        func run() throws {
            let pipeline = try options.pipeline(.existing)
            try StandardOutput.line(try pipeline.prune(before: CivilDate(iso: before)!, dryRun: dryRun).text(language: language.language))
        }
    }
}
