import ArgumentParser
import KPIPipeline
import KPIText

extension Kpibridge {
    struct Retract: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Take a wrongly loaded file back out: its records, quarantined rows and ledger entry, then recompute.",
            discussion: """
                Name the file as the run summary did, while it is still where it was loaded from: retract \
                reads it once more to learn every order, line, event, ticket or other record it wrote, \
                removes what is stored under those keys (with its quarantined rows and ledger entry), and \
                reads the other loaded files again to put back their versions, so the store ends as if the \
                file had never been loaded. Every period is then recomputed and re-scored. The file's bytes \
                are remembered as retracted: it may stay in the inbox and never loads again (a corrected \
                file has other bytes and loads as new). Nothing changes when a file needed for this is gone \
                or changed, was loaded by `import`, or shares its name with another loaded version; the \
                message says which.

                Example:
                  kpibridge retract --workspace samples/workspace inbox/amazon/wrong.txt
                """)

        @OptionGroup var options: WorkspaceOptions

        @OptionGroup var language: LanguageOptions

        @Argument(help: "The file as the run summary names it (inbox/…), relative to the workspace.")
        var file: String

        func run() throws {
            let report = try options.pipeline(.existing).retract(file)
            try StandardOutput.line(report.text(language: language.language))
            if report.exitCode != 0 { throw ExitCode(report.exitCode) }
        }
    }
}
