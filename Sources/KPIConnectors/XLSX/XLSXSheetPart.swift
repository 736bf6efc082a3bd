import Foundation
import KPISchema
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Collects a worksheet's rows as text cells.
///
/// Cells Excel leaves empty are simply absent from the XML, so each cell is placed by its `r`
/// reference (`C7`), falling back to the position after the previous one when a writer omits it.
/// Shared strings are looked up, booleans spelled, numbers in date styles turned into wall-clock
/// text `yyyy-MM-dd HH:mm:ss`, and other numbers kept as written (exponents expanded).
final class XLSXSheetPart: NSObject, XMLParserDelegate {
    private let sharedStrings: [String]
    private let dateStyles: Set<Int>
    private let system: ExcelSerialDate.System
    private(set) var rows: [SourceRow] = []
    /// The first problem met; parsing stops there.
    private(set) var problem: Bilingual?

    private var rowNumber = 0
    private var cells: [String] = []
    private var column = 0
    private var cellType = "n"
    private var cellStyle = 0
    private var value = ""
    private var collecting = false
    /// The cell being read has a formula (`<f>`) and, so far, no cached result (`<v>`).
    private var formula = false
    private var cached = false
    private var uncalculated: [Int] = []

    init(sharedStrings: [String], dateStyles: Set<Int>, system: ExcelSerialDate.System) {
        self.sharedStrings = sharedStrings
        self.dateStyles = dateStyles
        self.system = system
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        switch localName(name) {
        case "row":
            rowNumber = attributes["r"].flatMap(Int.init) ?? rowNumber + 1
            cells.removeAll(keepingCapacity: true)
            uncalculated.removeAll(keepingCapacity: true)
            column = 0
        case "c":
            if let reference = attributes["r"] {
                guard let index = CellReference.column(of: reference) else {
                    return fail(parser, Bilingual("cell reference `\(reference)` in row \(rowNumber) is not like B7",
                                                  "第 \(rowNumber) 行的单元格引用 `\(reference)` 不是 B7 这样的格式"))
                }
                column = index
            }
            cellType = attributes["t"] ?? "n"
            cellStyle = attributes["s"].flatMap(Int.init) ?? 0
            value = ""
            formula = false
            cached = false
        case "f":
            formula = true
        case "v", "t":
            collecting = true
            cached = true
        default: break
        }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        switch localName(name) {
        case "v", "t":
            collecting = false
        case "c":
            guard let text = render(parser) else { return }
            if formula && !cached { uncalculated.append(column) }
            if !text.isEmpty {
                if cells.count <= column { cells.append(contentsOf: repeatElement("", count: column - cells.count + 1)) }
                cells[column] = text
            }
            column += 1
        case "row":
            if cells.contains(where: { !$0.isEmpty }) || !uncalculated.isEmpty {
                rows.append(SourceRow(line: rowNumber, fields: cells, raw: cells.joined(separator: "\t"), uncalculated: uncalculated))
            }
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if collecting { value += string }
    }

    private func render(_ parser: XMLParser) -> String? {
        let (row, col) = (rowNumber, column + 1)
        switch cellType {
        case "s":
            guard let index = Int(value.trimmingCharacters(in: .whitespaces)), sharedStrings.indices.contains(index) else {
                fail(parser, Bilingual("cell at row \(row), column \(col) names shared string `\(value)`, which the workbook lacks",
                                       "第 \(row) 行第 \(col) 列的单元格指向共享字符串 `\(value)`，而工作簿里没有它"))
                return nil
            }
            return sharedStrings[index]
        case "inlineStr", "str", "e":
            return value
        case "b":
            return value == "1" ? "TRUE" : value == "0" ? "FALSE" : value
        case "d":
            // ISO 8601 date cells (rare; strict OOXML): keep the wall-clock part in the canonical layout.
            return String(value.prefix(19)).replacingOccurrences(of: "T", with: " ")
        default:
            let text = value.trimmingCharacters(in: .whitespaces)
            if text.isEmpty { return "" }
            if dateStyles.contains(cellStyle), let serial = Double(text),
               let date = ExcelSerialDate.text(serial: serial, system: system) {
                return date
            }
            if text.contains(where: { $0 == "E" || $0 == "e" }), let number = Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")) {
                return number.plainString
            }
            return text
        }
    }

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: any Error) {
        let (line, detail) = (parser.lineNumber, parseError.localizedDescription)
        fail(parser, Bilingual("not well-formed XML (line \(line)): \(detail)", "不是格式正确的 XML（第 \(line) 行；解析器：\(detail)）"))
    }

    private func fail(_ parser: XMLParser, _ message: Bilingual) {
        if problem == nil { problem = message }
        parser.abortParsing()
    }
}
