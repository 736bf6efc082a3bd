import Foundation
import KPISchema
import KPIText
import Testing

/// `--help` and usage errors in the reader's language: every command's help, found by walking the
/// `SUBCOMMANDS:` lists from the top, so a command added later is checked too.
@Suite struct HelpTests {
    /// The language from the environment: `--lang` after `--help` would send a group with a default
    /// subcommand (`state`) to that subcommand's help.
    static func help(_ command: [String], _ language: DisplayLanguage) throws -> String {
        let run = try KpibridgeProcess.run(command + ["--help"], environment: ["PATH": "/usr/bin:/bin", "KPIBRIDGE_LANG": language.rawValue])
        #expect(run.status == 0, "\(command): \(run.err)")
        return run.out
    }

    /// `kpibridge`, then every subcommand its help lists, depth first.
    static func commands() throws -> [[String]] {
        var found: [[String]] = []
        var queue: [[String]] = [[]]
        while let command = queue.popLast() {
            found.append(command)
            let lines = try help(command, .en).split(separator: "\n", omittingEmptySubsequences: false)
            guard let start = lines.firstIndex(of: "SUBCOMMANDS:") else { continue }
            for line in lines[(start + 1)...] {
                guard line.hasPrefix("  "), !line.hasPrefix("   "), let name = line.split(separator: " ").first,
                      name != "See", name != "help" else { continue }
                queue.append(command + [String(name.replacingOccurrences(of: " (default)", with: ""))])
            }
        }
        return found
    }

    @Test func everyCommandsHelpIsInBothLanguagesWithExamples() throws {
        let commands = try Self.commands()
        #expect(commands.count > 25, "\(commands)")
        #expect(commands.contains(["state", "reset"]) && commands.contains(["schedule", "print"]), "\(commands)")
        for command in commands {
            let en = try Self.help(command, .en), zh = try Self.help(command, .zh)
            #expect(en.hasPrefix("OVERVIEW: ") && en.contains("\nUSAGE: ") && en.contains("\nOPTIONS:"), "\(command)")
            // The frame and the abstract in Chinese: no heading, default or help line of the parser's left.
            let abstract = try #require(zh.split(separator: "\n").first, "\(command)")
            #expect(abstract.hasPrefix("概述：") && TranslationCheck.hasChinese(String(abstract)), "\(command): \(abstract)")
            for english in ["OVERVIEW", "USAGE:", "OPTIONS:", "SUBCOMMANDS:", "ARGUMENTS:", "(default: ", "(values: ",
                            "Show help information", "Show the version", "for detailed help", "Example"] {
                #expect(!zh.contains(english), "\(command) --lang zh: \(english)")
            }
            #expect(!TranslationCheck.hasChinese(String(en.split(separator: "\n").first ?? "")), "\(command)")
            // Every command that does something shows how (a group's subcommands show theirs).
            if !en.contains("\nSUBCOMMANDS:") || command.isEmpty {
                #expect(en.contains("\nExample") && zh.contains("\n示例："), "\(command)")
            }
        }
    }

    @Test func aUsageErrorIsInTheReadersLanguage() throws {
        let environment = ["PATH": "/usr/bin:/bin"]
        let zh = try KpibridgeProcess.run(["run", "--full-refresh", "--schedule", "nightly", "--lang", "zh"], environment: environment)
        #expect(zh.status == 2)
        #expect(zh.err.hasPrefix("错误：--full-refresh 不能与 --schedule 同时使用："))
        #expect(zh.err.contains("\n用法： kpibridge run [--workspace <workspace>]"))
        #expect(zh.err.hasSuffix("\n  更多说明：`kpibridge run --help`\n"))
        let en = try KpibridgeProcess.run(["run", "--full-refresh", "--schedule", "nightly"], environment: environment)
        #expect(en.status == 2)
        #expect(en.err.hasPrefix("error: --full-refresh and --schedule do not go together: "))
        #expect(en.err.hasSuffix("\n  See 'kpibridge run --help' for more information.\n"))
        let unknown = try KpibridgeProcess.run(["run", "--bogus"], environment: environment.merging(["LANG": "zh_CN.UTF-8"]) { $1 })
        #expect(unknown.err.hasPrefix("错误：未知选项 '--bogus'\n用法： kpibridge run "))
    }

    /// The parser's frame words, each translated where it stands; our own words untouched.
    @Test func theParsersFrameIsTranslated() {
        let help = """
            OVERVIEW: 导入文件。

            USAGE: kpibridge run [--lang <lang>]
                   [--full-refresh]

            OPTIONS:
              --lang <lang>           语言。 (values: en, zh; default: en)
              --progress-every <n>    行数。 (default: 100000)
              -h, --help              Show help information.

              See 'kpibridge help <subcommand>' for detailed help.
            """
        #expect(ParserText.translated(help, to: .zh) == """
            概述：导入文件。

            用法： kpibridge run [--lang <lang>]
                   [--full-refresh]

            选项：
              --lang <lang>           语言。 (可选：en, zh；默认：en)
              --progress-every <n>    行数。 (默认：100000)
              -h, --help              显示帮助。

              各子命令的说明：`kpibridge help <subcommand>`
            """)
        #expect(ParserText.translated(help, to: .en) == help)
        // Wrapped by the parser's narrow help column, and its lists of values.
        #expect(ParserText.translated("text. (values: text, json;\n      default: text)", to: .zh) == "text. (可选：text, json；默认：text)")
        #expect(ParserText.translated("The value 'fr' is invalid for '--lang <lang>'. Please provide one of 'en' and 'zh'.", to: .zh)
                == "取值 'fr' 不适用于 '--lang <lang>'。可选：'en'、'zh'。")
        #expect(ParserText.translated("one of 'day', 'week', 'month' or 'quarter'.", to: .zh) == "one of 'day'、'week'、'month' 或 'quarter'。")
        #expect(ParserText.translated("Missing expected argument '--table <table>'\nUsage: kpibridge export\n  See 'kpibridge export --help' for more information.", to: .zh)
                == "缺少参数 '--table <table>'\n用法： kpibridge export\n  更多说明：`kpibridge export --help`")
    }
}

/// Whether text holds Chinese characters.
enum TranslationCheck {
    static func hasChinese(_ text: String) -> Bool {
        text.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) }
    }
}
