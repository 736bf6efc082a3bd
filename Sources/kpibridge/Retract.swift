import ArgumentParser
import KPIPipeline
import KPIText

extension Kpibridge {
    struct Retract: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Take a wrongly loaded file back out: its records, quarantined rows and ledger entry, then recompute.",
            discussion: """
                Move the file out of the workspace first (or the next run loads it again), then name it as \
                the run summary did. Every record the file is the source of is removed; where it had \
                replaced another file's version of an order, line, event or ticket, that version is read \
                again from the other file, so the store ends as if the file had never been loaded. Every \
                period is then recomputed and re-scored. Nothing changes when a file needed for that is \
                gone or changed (it says which). Files loaded by `import` with --shop, --currency and the \
                like are re-read with the workspace's settings.

                Example:
                  mv samples/workspace/inbox/amazon/wrong.txt /tmp/
                  kpibridge retract --workspace samples/workspace inbox/amazon/wrong.txt
                """)

        @OptionGroup var options: WorkspaceOptions

        @Argument(help: "The file as the run summary names it (inbox/…), relative to the workspace.")
        var file: String

        func run() throws {
            let report = try options.pipeline(.existing).retract(file)
            try StandardOutput.line(report.text)
            if report.exitCode != 0 { throw ExitCode(report.exitCode) }
        }
    }
}
