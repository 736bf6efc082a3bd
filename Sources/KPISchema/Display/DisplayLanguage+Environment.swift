/// Which language a person reads when they did not say on the command line.
extension DisplayLanguage {
    /// `--lang` when given; else `KPIBRIDGE_LANG`; else the locale (`LC_ALL`, then `LC_MESSAGES`, then
    /// `LANG`, as C programs read it): `zh…` is Chinese, anything else English.
    ///
    /// Only human text follows the environment: exports and `--format json|csv` change their headers
    /// and values for an explicit `--lang` only, so a cron job's files do not change with its locale.
    package static func resolve(_ flag: DisplayLanguage?, environment: [String: String]) -> DisplayLanguage {
        if let flag { return flag }
        for key in ["KPIBRIDGE_LANG", "LC_ALL", "LC_MESSAGES", "LANG"] {
            guard let value = environment[key]?.lowercased(), !value.isEmpty else { continue }
            // `C`, `POSIX` and `C.UTF-8` name no language: English, as the tool's own default.
            return value.hasPrefix("zh") ? .zh : .en
        }
        return .en
    }

    /// The language a command line asks for (`--lang zh` or `--lang=zh`), read before parsing like
    /// `--log-format`, so the progress log speaks the summary's language; else the environment's. The last
    /// `--lang` wins, as the argument parser has it, and nothing after `--` is an option.
    package static func requested(in arguments: [String], environment: [String: String]) -> DisplayLanguage {
        var asked: DisplayLanguage?
        var index = 0
        while index < arguments.count, arguments[index] != "--" {
            let argument = arguments[index]
            if argument == "--lang", index + 1 < arguments.count {
                asked = DisplayLanguage(rawValue: arguments[index + 1])
                index += 1
            } else if argument.hasPrefix("--lang=") {
                asked = DisplayLanguage(rawValue: String(argument.dropFirst(7)))
            }
            index += 1
        }
        return resolve(asked, environment: environment)
    }
}
