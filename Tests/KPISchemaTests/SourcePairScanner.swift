import Foundation

/// Finds the sentences written in two languages in our own sources — `Bilingual("…", "…")` and
/// `pick("…", "…")` whose arguments are string literals (joined with `+` or not) — so a test can check
/// each pair without a catalog nobody keeps in step with the code.
///
/// Written by hand because it only has to read literals: an interpolation `\(…)` becomes one
/// placeholder character (its own quotes and parentheses skipped), and a pair whose argument is not a
/// literal (a variable, a call) is left out, not guessed at.
struct SourcePairScanner {
    /// One pair as written, with its file and line for the failure message.
    struct Pair {
        var file: String
        var line: Int
        var en: String
        var zh: String
    }

    /// What an interpolation leaves in a scanned literal.
    static let placeholder: Character = "\u{FFFC}"

    private let text: [Character]
    private let file: String
    private var index = 0

    init(source: String, file: String) {
        self.text = Array(source)
        self.file = file
    }

    /// Every pair of `Bilingual(`, `Bilingual.init(` and `pick(` calls in the source.
    mutating func pairs() -> [Pair] {
        var found: [Pair] = []
        while index < text.count {
            if text[index] == "/" && next(1) == "/" {
                skipLine()
                continue
            }
            if text[index] == "\"" {
                _ = literal()
                continue
            }
            if let opened = callOpening() {
                index = opened
                let line = lineNumber(at: index)
                if let en = argument(), consume(","), let zh = argument() {
                    found.append(Pair(file: file, line: line, en: en, zh: zh))
                }
                continue
            }
            index += 1
        }
        return found
    }

    // MARK: - Calls

    /// The index after `Bilingual(`, `Bilingual.init(` or `pick(` starting here (not part of a longer name).
    private func callOpening() -> Int? {
        if index > 0, text[index - 1].isLetter || text[index - 1].isNumber || text[index - 1] == "_" { return nil }
        for name in ["Bilingual(", "Bilingual.init(", "pick("] where matches(name) {
            return index + name.count
        }
        return nil
    }

    private func matches(_ word: String) -> Bool {
        var at = index
        for character in word {
            guard at < text.count, text[at] == character else { return false }
            at += 1
        }
        return true
    }

    /// One argument made only of string literals joined by `+`; nil (and the position left anywhere
    /// after the opening) when it holds anything else.
    private mutating func argument() -> String? {
        skipSpace()
        guard index < text.count, text[index] == "\"" else { return nil }
        var joined = ""
        while true {
            guard let part = literal() else { return nil }
            joined += part
            skipSpace()
            guard consume("+") else { break }
            skipSpace()
            guard index < text.count, text[index] == "\"" else { return nil }
        }
        skipSpace()
        guard index < text.count, text[index] == "," || text[index] == ")" else { return nil }
        return joined
    }

    private mutating func consume(_ character: Character) -> Bool {
        skipSpace()
        guard index < text.count, text[index] == character else { return false }
        index += 1
        return true
    }

    private mutating func skipSpace() {
        while index < text.count {
            if text[index].isWhitespace {
                index += 1
            } else if text[index] == "/" && next(1) == "/" {
                skipLine()
            } else {
                return
            }
        }
    }

    private mutating func skipLine() {
        while index < text.count, text[index] != "\n" { index += 1 }
    }

    private func next(_ offset: Int) -> Character? {
        index + offset < text.count ? text[index + offset] : nil
    }

    private func lineNumber(at position: Int) -> Int {
        text[..<position].reduce(1) { $1 == "\n" ? $0 + 1 : $0 }
    }

    // MARK: - Literals

    /// The string literal starting at `index` (`"…"` or `"""…"""`), interpolations as ``placeholder``;
    /// nil for a raw string or one that does not end.
    private mutating func literal() -> String? {
        let multiline = next(1) == "\"" && next(2) == "\""
        index += multiline ? 3 : 1
        var out = ""
        while index < text.count {
            let character = text[index]
            if multiline ? (character == "\"" && next(1) == "\"" && next(2) == "\"") : character == "\"" {
                index += multiline ? 3 : 1
                return multiline ? Self.trimmedMultiline(out) : out
            }
            if character == "\\" {
                guard let escaped = next(1) else { return nil }
                index += 2
                switch escaped {
                case "(":
                    skipInterpolation()
                    out.append(Self.placeholder)
                case "n": out.append("\n")
                case "t": out.append("\t")
                case "\n": skipSpace()  // a multi-line literal's line continuation
                case "u":
                    // \u{…}: the scalar itself.
                    var hex = ""
                    if index < text.count, text[index] == "{" { index += 1 }
                    while index < text.count, text[index] != "}" { hex.append(text[index]); index += 1 }
                    index += 1
                    if let value = UInt32(hex, radix: 16), let scalar = Unicode.Scalar(value) { out.unicodeScalars.append(scalar) }
                default: out.append(escaped)
                }
                continue
            }
            if !multiline && character == "\n" { return nil }
            out.append(character)
            index += 1
        }
        return nil
    }

    /// Skips an interpolation's expression up to its closing parenthesis, string literals inside it included.
    private mutating func skipInterpolation() {
        var depth = 1
        while index < text.count, depth > 0 {
            switch text[index] {
            case "(": depth += 1; index += 1
            case ")": depth -= 1; index += 1
            case "\"": _ = literal()
            default: index += 1
            }
        }
    }

    /// A multi-line literal without the indentation of its closing delimiter's line.
    private static func trimmedMultiline(_ body: String) -> String {
        var lines = body.split(separator: "\n", omittingEmptySubsequences: false)
        if let last = lines.last, last.allSatisfy(\.isWhitespace) { lines.removeLast() }
        if lines.first?.isEmpty == true { lines.removeFirst() }
        return lines.map { $0.drop(while: { $0 == " " }) }.joined(separator: "\n")
    }
}
