import ArgumentParser
import Foundation
import KPISchema

/// Help text in the reader's language.
///
/// ArgumentParser reads help strings when it builds `--help` and its messages, after launch, by making an
/// instance of the command; so choosing the language once, from the command line (`--lang`) and the
/// environment as every other output does, translates `--help` without a second help printer to keep in step.
enum Help {
    /// `--lang` anywhere on the command line, else `KPIBRIDGE_LANG`, else the locale.
    static let language = DisplayLanguage.requested(in: CommandLine.arguments,
                                                    environment: ProcessInfo.processInfo.environment)

    /// The English or the Chinese, for an abstract, a discussion or a validation message.
    static func pick(_ en: String, _ zh: String) -> String { language.pick(en, zh) }

    /// A discussion in the reader's language followed by its example commands, which are the same in
    /// both and so written once (one command a line).
    static func pick(_ en: String, _ zh: String, examples: String) -> String {
        pick(en, zh) + "\n\n" + Self.examples(examples)
    }

    /// `Example:` (`示例：`) and the commands, indented under it.
    static func examples(_ commands: String) -> String {
        pick("Example:", "示例：") + "\n" + commands.split(separator: "\n").map { "  " + $0 }.joined(separator: "\n")
    }
}

extension ArgumentHelp {
    /// An option's help in the reader's language.
    static func pick(_ en: String, _ zh: String, valueName: String? = nil) -> ArgumentHelp {
        ArgumentHelp(Help.pick(en, zh), valueName: valueName)
    }
}
