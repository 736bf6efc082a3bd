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
            let lines = preamble.isEmpty ? "there is none" : headerLine == 2 ? "line 1 states no date" : "lines 1–\(headerLine - 1) state no date"
            throw FileFormatError(file: file, message: "the source's `period: from_report` reads the days from the lines above the header (line \(headerLine)), and \(lines); "
                                  + "set `period:` on the source (2026-10, 2026-10-31) or --period")
        }
        if let other = stated.first(where: { $0.range != first.range }) {
            throw FileFormatError(file: file, message: "lines \(first.line) and \(other.line) above the header state different periods (\(first.range) and \(other.range)); "
                                  + "set `period:` on the source rather than let kpibridge pick one")
        }
        return first.range
    }
}
