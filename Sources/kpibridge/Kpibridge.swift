import ArgumentParser
import Foundation
import KPIPipeline
import KPISchema
import KPIText
import KPIWorkspace
import Logging

/// The `kpibridge` command. Subcommands parse arguments and print; the work is in KPIPipeline.
@main
struct Kpibridge: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kpibridge",
        abstract: Help.pick("Load cross-border e-commerce exports into one store and compute KPI fact tables.",
                            "把跨境电商的导出文件加载到同一个存储，并计算 KPI 事实表。"),
        discussion: Help.pick("""
            A workspace is a folder with kpibridge.yaml (sources), definitions.yaml (what "shipped", "a day" \
            and "sales" mean for each team), fx_rates.csv and an inbox/ of exports.

            Exit codes: 0 ok; 1 failed, or some files failed (the others were loaded); 2 usage error; \
            3 another run holds the store (nothing was done; try again later); 4 a source is stale (no new \
            file within its fresh_within; everything else went well); 130 / 143 stopped by \
            SIGINT / SIGTERM at a safe point (the run is recorded as interrupted; the next run loads the rest).
            """, """
            工作区是一个文件夹，内含 kpibridge.yaml（数据源）、
            definitions.yaml（各团队的口径：“已发货”“一天”“销售额”各指什么）、
            fx_rates.csv，以及存放导出文件的 `inbox/`。

            退出码：0 成功；1 失败，或部分文件失败（其余文件已加载）；2 用法错误；
            3 另一个运行正占用存储（未做任何操作，请稍后重试）；4 有数据源过期（在其
            fresh_within 内没有新文件，其他一切正常）；130 / 143 收到 SIGINT / SIGTERM
            后在安全点停止（本次运行记为被中断，下次运行会加载其余文件）。
            """, examples: """
            kpibridge run --workspace samples/workspace
            kpibridge export --workspace samples/workspace --table fact_metric --format csv
            """),
        version: ProductVersion.description,
        subcommands: [Init.self, Run.self, Freshness.self, Retract.self, Doctor.self, Notify.self, Import.self, Export.self, Reconcile.self, Score.self, Explain.self, Close.self, Reopen.self, Report.self, Status.self, State.self, Schedule.self, Prune.self, Validate.self,
                      Definitions.self, Connectors.self])

    /// Parses, runs, and exits with kpibridge's documented codes instead of the parser's defaults.
    static func main() {
        // A reader that stops early (`| head`, `| grep -q`) closes the pipe: that is EPIPE from a write
        // (see ``StandardOutput``), not a signal that kills the process mid-write.
        signal(SIGPIPE, SIG_IGN)
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let error as PipelineError {
            fail(error.sentence, code: error.kind.rawValue)
        } catch let code as ExitCode {
            Foundation.exit(code.rawValue)
        } catch {
            let code = exitCode(for: error)
            // The parser's own messages start `Error: `; ours add `error: ` (and a JSON log its own field).
            var message = fullMessage(for: error)
            if message.hasPrefix("Error: ") { message.removeFirst("Error: ".count) }
            if message.isEmpty { message = "\(error)" }
            // Our help strings are already in the reader's language (``Help``); the parser's frame is not.
            let sentence = Bilingual(message, ParserText.translated(message, to: .zh))
            if code == .success {
                do { try StandardOutput.line(sentence(Help.language)) } catch { fail(error.sentence, code: error.kind.rawValue) }
                Foundation.exit(0)
            }
            fail(sentence, code: code == .validationFailure ? PipelineError.Kind.usage.rawValue : PipelineError.Kind.failed.rawValue)
        }
    }

    /// The last word on stderr, in the log's format: `error: …` (`错误：…` to a Chinese reader), or a JSON
    /// line with the exit code and the English message log shippers index.
    static func fail(_ message: Bilingual, code: Int32) -> Never {
        let format = LogFormat.requested(in: CommandLine.arguments)
        if format == .json {
            format.logger { FileHandle.standardError.write(Data($0.utf8)) }
                .error("\(message.en)", metadata: ["event": "exit", "exit_code": "\(code)"])
        } else {
            let language = DisplayLanguage.requested(in: CommandLine.arguments, environment: ProcessInfo.processInfo.environment)
            // Messages quote cells and file names: their control characters are shown escaped, lines kept.
            let text = message(language).escapingControlCharacters(keepingNewlines: true)
            FileHandle.standardError.write(Data(language.pick("error: \(text)\n", "错误：\(text)\n").utf8))
        }
        Foundation.exit(code)
    }
}

/// Options every subcommand shares.
struct WorkspaceOptions: ParsableArguments {
    @Option(name: .long, help: .pick("The workspace folder (holds kpibridge.yaml).", "工作区文件夹（内含 kpibridge.yaml）。"))
    var workspace: String = "."

    @Option(name: .long, help: .pick("Store to use instead of the workspace's: sqlite:PATH or postgres://user@host/db[?schema=…] (password from PGPASSWORD or ~/.pgpass).",
                                     "改用这个存储，而不是工作区配置的存储：`sqlite:PATH` 或 `postgres://user@host/db[?schema=…]`（密码取自 PGPASSWORD 或 `~/.pgpass`）。"))
    var store: String?

    @Option(help: .pick("How progress and problems are logged to stderr: text, or json (one object per line, for log shippers).",
                        "进度和问题写入标准错误输出时的格式：`text`，或 `json`（每行一个对象，供日志采集工具读取）。"))
    var logFormat: LogFormat = .text

    @Option(help: .pick("Log a long file's row count every this many rows.", "读取大文件时，每读这么多行在日志中记一次行数。"))
    var progressEvery: Int = 100_000

    /// The workspace and store as given, for commands printed to be pasted.
    var invocation: Invocation { Invocation(workspace: workspace, store: store) }

    /// The workspace alone, for commands that do not touch the store.
    func openWorkspace() throws -> Workspace {
        try Workspace(directory: workspace, builtinConnectors: BuiltinConnectors.directories())
    }

    /// The pipeline; `stoppable` (the loading commands) makes SIGINT/SIGTERM stop at a safe point.
    func pipeline(_ access: StoreAccess = .create, stoppable: Bool = false) throws -> Pipeline {
        var pipeline = try Pipeline(directory: workspace, storeOverride: store,
                                    builtinConnectors: BuiltinConnectors.directories(), access: access)
        pipeline.progressInterval = max(1, progressEvery)
        pipeline.invocation = invocation
        if stoppable { pipeline.stop = Signals.install() }
        pipeline.logger = logger
        return pipeline
    }

    /// Progress and problems to stderr in `--log-format`.
    var logger: Logger {
        let language = DisplayLanguage.requested(in: CommandLine.arguments, environment: ProcessInfo.processInfo.environment)
        return logFormat.logger(terminal: isatty(STDERR_FILENO) != 0, language: language) { text in
            FileHandle.standardError.write(Data(text.utf8))
        }
    }
}

extension DisplayLanguage: ExpressibleByArgument {}

extension LogFormat: ExpressibleByArgument {}
