import ArgumentParser
import KPIPipeline
import KPIText
import KPIWorkspace

extension Kpibridge {
    struct Freshness: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: Help.pick("List each source's newest loaded file against its fresh_within; exit 4 when one is stale.",
                                "列出每个数据源最新加载的文件，并与其 fresh_within 对照；有数据源过期时退出码为 4。"),
            discussion: Help.pick("""
                A source with `fresh_within: 36h` (or 30m, 2d) in kpibridge.yaml is stale when no new file of \
                it has loaded for longer than that (a re-sent copy of a loaded file is not new). Every run \
                checks too and ends with the stale sources; both exit 4 when nothing else failed, so cron \
                mails the owner when an export stops arriving.
                """, """
                在 kpibridge.yaml 中设了 `fresh_within: 36h`（或 `30m`、`2d`）的数据源，
                超过这个时长没有加载到它的新文件即为过期（已加载文件的重发副本不算新文件）。
                每次运行也会检查，并在结尾列出过期的数据源；没有其他失败时，
                两者都以退出码 4 结束，这样导出文件断更时 cron 会发邮件通知负责人。
                """, examples: """
                kpibridge freshness --workspace samples/workspace
                kpibridge freshness --workspace ~/kpi --format json
                kpibridge freshness --workspace samples/workspace --lang zh
                """))

        @OptionGroup var options: WorkspaceOptions

        @OptionGroup var language: LanguageOptions

        @Option(help: .pick("text, or json (one object, for monitoring).", "`text`，或 `json`（一个对象，供监控使用）。"))
        var format: OutputFormat = .text

        func run() throws {
            let check = try SourceFreshness.check(try options.pipeline(.readOnly))
            try StandardOutput.line(format == .json ? check.json : check.text(language: language.language))
            if !check.stale.isEmpty { throw ExitCode(PipelineError.Kind.stale.rawValue) }
        }
    }
}

/// `--format text|json` for commands people and monitors both read.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}
