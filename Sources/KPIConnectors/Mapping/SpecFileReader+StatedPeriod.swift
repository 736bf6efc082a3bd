import KPISchema

extension SpecFileReader {
    /// The days the lines above the header state (`period: from_report`): exactly one line may name a day,
    /// two days or a month; none, or two lines saying different things, fails the file rather than guess.
    static func statedPeriod(in preamble: [SourceRow], headerLine: Int, file: String) throws(FileFormatError) -> DateRange {
        var stated: [(line: Int, range: DateRange)] = []
        for row in preamble {
            if let range = DateRange(statedIn: row.fields.joined(separator: " ")) { stated.append((row.line, range)) }
        }
        guard let first = stated.first else {
            let lines = preamble.isEmpty ? Bilingual("there is none", "表头上方没有行")
                : headerLine == 2 ? Bilingual("line 1 states no date", "第 1 行没有写日期")
                : Bilingual("lines 1–\(headerLine - 1) state no date", "第 1–\(headerLine - 1) 行都没有写日期")
            throw FileFormatError(file: file, message: Bilingual(
                "the source's `period: from_report` reads the days from the lines above the header (line \(headerLine)), and \(lines.en); "
                    + "set `period:` on the source (2026-10, 2026-10-31) or --period",
                "数据源的 `period: from_report` 从表头（第 \(headerLine) 行）上方的行读取日期，而\(lines.zh)；"
                    + "请在数据源上设置 `period:`（2026-10、2026-10-31）或用 --period"))
        }
        if let other = stated.first(where: { $0.range != first.range }) {
            throw FileFormatError(file: file, message: Bilingual(
                "lines \(first.line) and \(other.line) above the header state different periods (\(first.range) and \(other.range)); "
                    + "set `period:` on the source rather than let kpibridge pick one",
                "表头上方第 \(first.line) 行和第 \(other.line) 行写的周期不同（\(first.range) 与 \(other.range)）；"
                    + "请在数据源上设置 `period:`，不要让 kpibridge 替你挑一个"))
        }
        return first.range
    }
}
