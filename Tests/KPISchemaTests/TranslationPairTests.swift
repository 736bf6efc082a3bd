import Foundation
import Testing

/// Every sentence our code writes in two languages, read from the sources themselves: the English half
/// is English, the Chinese half is Chinese. A sentence copied into both halves, a Chinese half left in
/// English, or an English half that slipped into Chinese fails here with its file and line.
@Suite struct TranslationPairTests {
    static let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Sources")

    static func pairs() throws -> [SourcePairScanner.Pair] {
        let files = FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil)?
            .compactMap { $0 as? URL }.filter { $0.pathExtension == "swift" }.sorted { $0.path < $1.path } ?? []
        return try files.flatMap { url in
            var scanner = SourcePairScanner(source: try String(contentsOf: url, encoding: .utf8),
                                            file: String(url.path.dropFirst(sources.path.count + 1)))
            return scanner.pairs()
        }
    }

    /// The scanner reads the pairs it should: a known one, literals joined by `+`, interpolations.
    @Test func theScannerFindsPairs() throws {
        var scanner = SourcePairScanner(source: """
            let a = Bilingual("rows \\(count(of: "x")) loaded", "加载 \\(n) 行") // Bilingual("no", "不")
            let b = language.pick("one " + "two", "一" + "二")
            let c = pick(name, "名字")
            let d = Bilingual(untranslated: "as is")
            """, file: "X.swift")
        let found = scanner.pairs().map { [$0.en, $0.zh, "\($0.line)"] }
        let p = String(SourcePairScanner.placeholder)
        #expect(found == [["rows \(p) loaded", "加载 \(p) 行", "1"], ["one two", "一二", "2"]])
        let count = try Self.pairs().count
        #expect(count > 900, "\(count) pairs")
    }

    @Test func eachHalfIsInItsLanguage() throws {
        var problems: [String] = []
        for pair in try Self.pairs() {
            let at = "\(pair.file):\(pair.line)"
            let en = Self.prose(pair.en), zh = Self.prose(pair.zh)
            if Self.hasChinese(en) {
                problems.append("\(at): the English half has Chinese outside code and glosses: \(pair.en.debugDescription)")
            }
            // A Chinese half may be made only of interpolated parts; the same words in both halves is a copy.
            if pair.zh == pair.en && !Self.words(in: en).isEmpty && !Self.isCode(pair.en) {
                problems.append("\(at): the same in both languages: \(pair.zh.debugDescription)")
            }
            let english = Self.words(in: zh).filter { !Self.kept.contains($0) }
            if !english.isEmpty && !(Self.isCode(pair.en) && Self.isCode(pair.zh)) {
                problems.append("\(at): English in the Chinese half (\(english.joined(separator: ", "))): \(pair.zh.debugDescription)")
            }
        }
        #expect(problems == [], Comment(rawValue: "\(problems.count) pairs:\n" + problems.joined(separator: "\n")))
    }

    // MARK: - Reading a half

    /// The text a reader reads as words: without code in backticks, interpolations, glosses in
    /// parentheses of the other language (`id (工号)`), command lines and paths.
    static func prose(_ text: String) -> String {
        var out = ""
        var inCode = false
        for character in text {
            if character == "`" { inCode.toggle(); out.append(" "); continue }
            out.append(inCode || character == SourcePairScanner.placeholder ? " " : character)
        }
        // Glosses: a parenthesis holding only Chinese in English, or only Latin in Chinese.
        out = out.replacingOccurrences(of: #"\((\p{Han}|[·、，\s])+\)"#, with: " ", options: .regularExpression)
        // Command lines, options, paths, file names and key paths are code even outside backticks.
        // A command may start with an environment variable and go on over `\`-continued lines.
        for pattern in [#"([A-Z_]+=\S+ )?kpibridge((\s*\\\n\s*|[ ])[^\s，；。）]+)*"#, #"--[a-z-]+(=\S+)?"#, #"[\w.-]*[/.][\w.*/-]+"#, #"\b\w+_\w+\b"#] {
            out = out.replacingOccurrences(of: pattern, with: " ", options: .regularExpression)
        }
        return out
    }

    /// A value rather than a sentence (`zh-CN`, `en`): one word of code in each half.
    static func isCode(_ text: String) -> Bool { !text.contains(" ") && text.count < 12 }

    static func hasChinese(_ text: String) -> Bool {
        text.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) || (0x3400...0x4DBF).contains($0.value) }
    }

    /// Latin words of two or more letters (numbers, units glued to them and single letters aside).
    static func words(in text: String) -> [String] {
        var words: [String] = []
        var current = ""
        for scalar in text.unicodeScalars {
            if scalar.isASCII, CharacterSet.letters.contains(scalar) {
                current.unicodeScalars.append(scalar)
            } else {
                if current.count >= 2 { words.append(current) }
                current = ""
            }
        }
        if current.count >= 2 { words.append(current) }
        return words
    }

    /// Latin words a Chinese sentence keeps: names of products, formats, standards, codes and units.
    static let kept: Set<String> = [
        // Products and formats.
        "kpibridge", "SQLite", "PostgreSQL", "DuckDB", "Excel", "Metabase", "Superset", "Amazon", "Shopify", "Walmart",
        "eBay", "TikTok", "Shop", "ERP", "CSV", "TSV", "JSON", "XML", "XLSX", "YAML", "HTML", "SVG", "PDF", "SQL", "URL",
        "HTTP", "HTTPS", "API", "UTF", "GB", "BOM", "CRLF", "LF", "IANA", "ISO", "UTC", "GMT", "cron", "crontab",
        "zip", "gzip", "SKU", "ASIN", "FBA", "ID", "id", "KPI", "CPI", "AOV", "GMV", "ACoS", "ROAS", "OK", "ok",
        "PGPASSWORD", "KPIBRIDGE", "LANG", "NUL", "SIGINT", "SIGTERM", "SIGKILL", "Webhook", "webhook",
        "LibreOffice", "Office", "Slack", "LWA", "systemd", "zlib", "libxml", "libcurl", "XMLParser", "URLSession", "URLError", "tzdata", "apt",
        "sslmode", "README", "YYYY", "MM", "DD", "PLATFORM", "SHOP", "CURRENCY", "ZONE", "FILE",
        // README section titles a sentence points to.
        "Metrics", "Notifications",
        // Currencies, units and grades.
        "CNY", "USD", "EUR", "GBP", "JPY", "HKD", "RMB", "KB", "MB", "GB", "MiB", "ms", "px",
    ]
}
