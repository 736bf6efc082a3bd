import ArgumentParser
import KPIPipeline
import KPISchema
import KPIText

extension Kpibridge {
    struct Definitions: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show what each team's profile means by every contested word, and where two differ.",
            subcommands: [Show.self, Diff.self])

        struct Show: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Print every concept and the variant each profile version picks.",
                discussion: """
                    Example:
                      kpibridge definitions show --workspace samples/workspace
                      kpibridge definitions show --workspace samples/workspace --profile cn --lang zh
                    """)

            @OptionGroup var options: WorkspaceOptions

            @Option(help: "Only this profile.")
            var profile: String?

            @OptionGroup var language: LanguageOptions

            func run() throws {
                let report = DefinitionsReport(file: try options.openWorkspace().definitions, language: language.names)
                try StandardOutput.line(try report.show(profile: profile))
            }
        }

        struct Diff: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Print the concepts on which two profiles differ.",
                discussion: """
                    Compares the latest versions, or with --on the versions in force on that date.

                    Example:
                      kpibridge definitions diff cn us --workspace samples/workspace
                      kpibridge definitions diff cn us --workspace samples/workspace --on 2026-10-01 --lang zh
                    """)

            @OptionGroup var options: WorkspaceOptions

            @Argument(help: "The first profile.")
            var a: String

            @Argument(help: "The second profile.")
            var b: String

            @Option(help: "Compare the versions in force on this date (YYYY-MM-DD).")
            var on: String?

            @OptionGroup var language: LanguageOptions

            func validate() throws {
                if let on, CivilDate(iso: on) == nil { throw ValidationError("--on `\(on)` is not a date like 2026-10-01") }
            }

            func run() throws {
                let report = DefinitionsReport(file: try options.openWorkspace().definitions, language: language.names)
                try StandardOutput.line(try report.diff(a, b, on: on.flatMap(CivilDate.init(iso:))))
            }
        }
    }
}
