import ArgumentParser
import KPIPipeline
import KPIText

extension Kpibridge {
    struct State: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: Help.pick("Show or reset where each API stream stands (its cursor, next day, pending report).",
                                "查看或重置每个 API 数据流的进度（游标、下一天、待取的报告）。"),
            discussion: Help.pick("""
                A stream's state is saved in the store after what it pulled has loaded, so it never runs \
                ahead of the data. Resetting makes the next run pull from the stream's `start:` again; the \
                records it pulls replace the stored ones by key, so nothing counts twice.
                """, """
                数据流的状态在它拉取的数据加载完成后才保存到存储中，
                因此永远不会跑在数据前面。重置后，下次运行会重新从该数据流的 `start:`
                开始拉取；拉到的记录按键替换已存储的记录，所以不会重复计数。
                """, examples: """
                kpibridge state show --workspace ~/kpi
                kpibridge state reset shopify-orders --workspace ~/kpi
                """),
            subcommands: [Show.self, Reset.self], defaultSubcommand: Show.self)

        struct Show: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: Help.pick("Print each stream's saved state.", "列出每个数据流已保存的状态。"),
                discussion: Help.examples("""
                    kpibridge state show --workspace ~/kpi
                    kpibridge state show shopify-orders --workspace ~/kpi --lang zh
                    """))

            @OptionGroup var options: WorkspaceOptions

            @Argument(help: .pick("Only this stream.", "只看这个数据流。"))
            var stream: String?

            @OptionGroup var language: LanguageOptions

            func run() throws {
                try StandardOutput.line(try options.pipeline(.readOnly).streamStateReport(stream).text(language: language.language))
            }
        }

        struct Reset: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: Help.pick("Forget a stream's state; its next pull starts from `start:`.",
                                    "清除一个数据流的状态；下次拉取从 `start:` 开始。"),
                discussion: Help.examples("""
                    kpibridge state reset shopify-orders --workspace ~/kpi
                    """))

            @OptionGroup var options: WorkspaceOptions

            @Argument(help: .pick("The stream, as named in kpibridge.yaml.", "数据流名称，与 kpibridge.yaml 中的一致。"))
            var stream: String

            @OptionGroup var language: LanguageOptions

            func run() throws {
                let forgotten = try options.pipeline(.existing).resetStream(stream)
                try StandardOutput.line(Confirmations.streamReset(stream, forgotten: forgotten, language: language.language))
            }
        }
    }
}
