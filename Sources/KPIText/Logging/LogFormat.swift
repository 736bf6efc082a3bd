import Foundation
import KPISchema
import Logging

/// How `kpibridge` writes its log to stderr: `text` for people, `json` (one object per line) for
/// log shippers such as Vector, Fluent Bit or Loki's promtail.
package enum LogFormat: String, Sendable, CaseIterable {
    case text, json

    /// The format a command line asks for (`--log-format json` or `--log-format=json`), read before
    /// parsing so even an argument error can be reported in it.
    package static func requested(in arguments: [String]) -> LogFormat {
        for (index, argument) in arguments.enumerated() {
            if argument == "--log-format", index + 1 < arguments.count { return LogFormat(rawValue: arguments[index + 1]) ?? .text }
            if argument.hasPrefix("--log-format=") { return LogFormat(rawValue: String(argument.dropFirst(13))) ?? .text }
        }
        return .text
    }

    /// A logger writing in this format through `write` (stderr in the CLI, a collector in tests).
    /// `terminal` lets text output redraw one progress line instead of printing one per step.
    package func logger(terminal: Bool = false, level: Logger.Level = .info, language: DisplayLanguage = .en,
                       write: @escaping @Sendable (String) -> Void) -> Logger {
        var logger = Logger(label: "kpibridge") { label in
            switch self {
            case .text: TextLogHandler(label: label, terminal: terminal, language: language, write: write)
            case .json: JSONLogHandler(label: label, write: write)
            }
        }
        logger.logLevel = level
        return logger
    }
}

/// A handler that keeps its metadata in a dictionary and writes whole lines.
package protocol LineLogHandler: LogHandler {
    var metadata: Logger.Metadata { get set }
}

extension LineLogHandler {
    package subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }
}

/// The pipeline's events as people read them: `  … loading inbox/a.txt [amazon.all_orders]`. On a
/// terminal, row counts of a long file overwrite each other on one line. In Chinese an event that carries
/// its Chinese wording (metadata ``Bilingual/logKey``) reads that; the others (API pulls' own steps) stay English.
package struct TextLogHandler: LineLogHandler {
    package let label: String
    package let terminal: Bool
    package var language: DisplayLanguage = .en
    package let write: @Sendable (String) -> Void
    package var metadata: Logger.Metadata = [:]
    package var logLevel: Logger.Level = .info

    package init(label: String, terminal: Bool, language: DisplayLanguage = .en, write: @escaping @Sendable (String) -> Void) {
        self.label = label
        self.terminal = terminal
        self.language = language
        self.write = write
    }

    package func log(event: LogEvent) {
        let prefix = event.level >= .warning ? "  " + language.pick("\(event.level.rawValue): ", Self.levelZh(event.level) + "：") : "  … "
        var text = event.message.description
        if language == .zh, case .string(let zh)? = event.metadata?[Bilingual.logKey] { text = zh }
        // A progress event (it carries `rows`) is redrawn in place on a terminal: `\r`, erase the line.
        let message = text.escapingControlCharacters()
        if terminal, event.metadata?["rows"] != nil {
            write("\r\u{1B}[2K\(prefix)\(message)")
        } else {
            write((terminal ? "\r\u{1B}[2K" : "") + "\(prefix)\(message)\n")
        }
    }

    private static func levelZh(_ level: Logger.Level) -> String {
        switch level {
        case .warning: "警告"
        case .error, .critical: "错误"
        default: level.rawValue
        }
    }
}

/// One JSON object per line: `ts`, `level`, `label`, `message`, then the event's metadata fields.
package struct JSONLogHandler: LineLogHandler {
    package let label: String
    package let write: @Sendable (String) -> Void
    package var metadata: Logger.Metadata = [:]
    package var logLevel: Logger.Level = .info

    package func log(event: LogEvent) {
        var fields: [(String, String)] = [("ts", JSONText.quoted(Self.timestamp(Date()))),
                                          ("level", JSONText.quoted(event.level.rawValue)),
                                          ("label", JSONText.quoted(label)),
                                          ("message", JSONText.quoted(event.message.description))]
        var merged = metadata.merging(event.metadata ?? [:]) { $1 }
        merged[Bilingual.logKey] = nil
        for key in merged.keys.sorted() { fields.append((key, Self.json(merged[key]!))) }
        write("{" + fields.map { "\(JSONText.quoted($0.0)):\($0.1)" }.joined(separator: ",") + "}\n")
    }

    /// Metadata as JSON: strings quoted, lists as arrays, dictionaries as objects.
    package static func json(_ value: Logger.Metadata.Value) -> String {
        switch value {
        case .string(let text): JSONText.quoted(text)
        case .stringConvertible(let value): JSONText.quoted(value.description)
        case .array(let values): "[" + values.map(json).joined(separator: ",") + "]"
        case .dictionary(let values):
            "{" + values.keys.sorted().map { "\(JSONText.quoted($0)):\(json(values[$0]!))" }.joined(separator: ",") + "}"
        }
    }

    /// `2026-11-02T02:30:00.123Z`: ISO-8601 UTC with milliseconds.
    package static func timestamp(_ date: Date) -> String {
        let millis = Int64((date.timeIntervalSince1970 * 1000).rounded(.down))
        let whole = Instant(secondsSinceEpoch: millis / 1000).iso8601
        return whole.dropLast() + String(format: ".%03dZ", Int(millis % 1000))
    }
}
