import ArgumentParser
import KPIPipeline
import KPISchema
import KPIText

extension Kpibridge {
    struct Definitions: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: Help.pick("Show what each team's profile means by every contested word, and where two differ.",
                                "列出各团队的口径对每个有争议的词怎么定义，以及两个口径的分歧。"),
            subcommands: [Show.self, Diff.self])

        struct Show: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: Help.pick("Print every concept and the variant each profile version picks.", "列出每个概念，以及每个口径版本选用的取值。"),
                discussion: Help.examples("""
                    kpibridge definitions show --workspace samples/workspace
                    kpibridge definitions show --workspace samples/workspace --profile cn --lang zh
                    """))

            @OptionGroup var options: WorkspaceOptions

            @Option(help: .pick("Only this profile.", "只看这个口径。"))
            var profile: String?

            @OptionGroup var language: LanguageOptions

            func run() throws {
                let report = DefinitionsReport(file: try options.openWorkspace().definitions, language: language.names)
                try StandardOutput.line(try report.show(profile: profile))
            }
        }

        struct Diff: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: Help.pick("Print the concepts on which two profiles differ.", "列出两个口径有分歧的概念。"),
                discussion: Help.pick("""
                    Compares the latest versions, or with --on the versions in force on that date.
                    """, """
                    比较两者的最新版本；加 --on 时比较在那一天生效的版本。
                    """, examples: """
                    kpibridge definitions diff cn us --workspace samples/workspace
                    kpibridge definitions diff cn us --workspace samples/workspace --on 2026-10-01 --lang zh
                    """))

            @OptionGroup var options: WorkspaceOptions

            @Argument(help: .pick("The first profile.", "第一个口径。"))
            var a: String

            @Argument(help: .pick("The second profile.", "第二个口径。"))
            var b: String

            @Option(help: .pick("Compare the versions in force on this date (YYYY-MM-DD).", "比较在这一天（YYYY-MM-DD）生效的版本。"))
            var on: String?

            @OptionGroup var language: LanguageOptions

            func validate() throws {
                if let on, CivilDate(iso: on) == nil { throw ValidationError(Help.pick("--on `\(on)` is not a date like 2026-10-01",
                                                                                       "--on `\(on)` 不是日期，应如 2026-10-01")) }
            }

            func run() throws {
                let report = DefinitionsReport(file: try options.openWorkspace().definitions, language: language.names)
                try StandardOutput.line(try report.diff(a, b, on: on.flatMap(CivilDate.init(iso:))))
            }
        }
    }
}
