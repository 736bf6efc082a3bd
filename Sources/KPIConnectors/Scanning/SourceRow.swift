import KPISchema

/// One row of text cells from any tabular source, with where it stands in the file.
///
/// A CSV record, an XLSX sheet row, a JSON object or an XML element all arrive as this, so header
/// binding, parsing and quarantine are written once.
package struct SourceRow: Sendable, Hashable {
    /// Where the row starts: the physical line of a CSV record or XML element, the sheet row number
    /// of an XLSX row, the line of a JSON Lines record, the 1-based position in a JSON array.
    package var line: Int
    package var fields: [String]
    /// The row as it stood in the file (a CSV line, tab-joined sheet cells, a JSON object).
    package var raw: String
    /// Why the source could not read this row (a JSON Lines line that is not JSON); quarantined.
    package var problem: Bilingual?
    /// 0-based columns holding a formula whose result the file does not carry (a workbook saved by a
    /// tool that never calculated it): the cell reads empty, but its value is unknown, not zero.
    package var uncalculated: [Int]
    /// 0-based columns of a JSON or XML record that lacks the member other records of its file have: the
    /// cell reads empty, but the record said nothing (see `keep_empty`).
    package var absent: [Int]

    package init(line: Int, fields: [String], raw: String, problem: Bilingual? = nil, uncalculated: [Int] = [],
                 absent: [Int] = []) {
        self.line = line
        self.fields = fields
        self.raw = raw
        self.problem = problem
        self.uncalculated = uncalculated
        self.absent = absent
    }

    /// The cell at 0-based `index`, or "" past the end (exports drop trailing empty cells).
    package subscript(cell index: Int) -> String {
        index < fields.count ? fields[index] : ""
    }
}

/// A record the scanner could not finish.
package struct DelimitedScanError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file as the run names it (empty when scanning text that is not a file).
    package var file: String
    package var line: Int
    package var column: Int
    /// In both languages: it becomes the quarantine reason of the rows it swallows.
    package var message: Bilingual
    package var raw: String

    package var description: String { (file.isEmpty ? "" : "\(file):") + "line \(line), column \(column): \(message.en)" }
}
