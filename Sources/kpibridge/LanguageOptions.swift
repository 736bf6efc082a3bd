import ArgumentParser
import Foundation
import KPISchema

/// `--lang`, shared by every command that prints text a person reads.
struct LanguageOptions: ParsableArguments {
    @Option(help: .pick("Language a person reads: en or zh (default: KPIBRIDGE_LANG, else the locale — LC_ALL, LC_MESSAGES, LANG — else en).",
                        "给人看的输出用哪种语言：`en` 或 `zh`（默认：取 KPIBRIDGE_LANG，其次取区域设置——LC_ALL、LC_MESSAGES、LANG——都没有则用 `en`）。"))
    var lang: DisplayLanguage?

    /// The language chosen here or by the environment.
    var language: DisplayLanguage { .resolve(lang, environment: ProcessInfo.processInfo.environment) }

    /// For text that prints machine names unless asked otherwise (`reconcile`, `definitions`): `--lang`,
    /// else Chinese when the environment chooses it, else nil (the codes, as scripts read them).
    var names: DisplayLanguage? { lang ?? (language == .zh ? .zh : nil) }
}
