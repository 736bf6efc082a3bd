import ArgumentParser
import KPIPipeline
import KPIText

extension Kpibridge {
    struct Retract: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: Help.pick("Take a wrongly loaded file back out: its records, quarantined rows and ledger entry, then recompute.",
                                "撤回一个误加载的文件：删除它的记录、隔离的行和加载台账条目，然后重新计算。"),
            discussion: Help.pick("""
                Name the file as the run summary did, while it is still where it was loaded from: retract \
                reads it once more to learn every order, line, event, ticket or other record it wrote, \
                removes what is stored under those keys (with its quarantined rows and ledger entry), and \
                reads the other loaded files again to put back their versions, so the store ends as if the \
                file had never been loaded. Every period is then recomputed and re-scored. The file's bytes \
                are remembered as retracted: it may stay in the inbox and never loads again (a corrected \
                file has other bytes and loads as new). Nothing changes when a file needed for this is gone \
                or changed, was loaded by `import`, or shares its name with another loaded version; the \
                message says which.
                """, """
                按运行摘要中的写法指定文件，且文件须仍在当初加载的位置：
                撤回时会再读一遍该文件，找出它写入的每个订单、订单行、事件、工单或其他记录，
                删除存储中这些键下的内容（连同它的隔离行和加载台账条目），
                再重新读取其他已加载的文件，放回它们的版本，
                使存储恢复到从未加载过该文件的状态。随后重新计算全部周期并重新评分。
                该文件的内容会被记为已撤回：它可以留在收件箱里，
                不会再被加载（更正后的文件内容不同，会作为新文件加载）。
                若所需的某个文件已不在或已改动、是用 `import` 加载的，
                或与另一个已加载的版本同名，则不做任何改动，并在消息中说明是哪种情况。
                """, examples: """
                kpibridge retract --workspace samples/workspace inbox/amazon/wrong.txt
                """))

        @OptionGroup var options: WorkspaceOptions

        @OptionGroup var language: LanguageOptions

        @Argument(help: .pick("The file as the run summary names it (inbox/…), relative to the workspace.",
                              "要撤回的文件，按运行摘要中的写法（`inbox/…`），相对于工作区。"))
        var file: String

        func run() throws {
            let report = try options.pipeline(.existing).retract(file)
            try StandardOutput.line(report.text(language: language.language))
            if report.exitCode != 0 { throw ExitCode(report.exitCode) }
        }
    }
}
