import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import KPISchema
import ZIPFoundation

/// An `.xlsx` workbook opened for reading one sheet as rows.
///
/// ZIPFoundation lists the parts, ``ZipPartReader`` unpacks them and Foundation's `XMLParser`
/// (libxml2) reads them. A sheet is
/// read whole into compact rows (shared strings are referenced, not copied): ERP and marketplace
/// UI exports stop far below the sizes where that matters, and it keeps the reader pull-based.
/// Every part is capped at ``maxPartBytes`` while it inflates, so a zip bomb is refused, not unpacked.
package struct XLSXWorkbook {
    package static let maxPartBytes = 512 << 20

    package let path: String
    /// Sheet names in workbook order.
    package let sheetNames: [String]
    private let display: String
    private let archive: Archive
    /// The workbook's bytes, which ``ZipPartReader`` unpacks parts from.
    private let file: Data
    private let sheetPaths: [String]
    private let system: ExcelSerialDate.System

    /// Opens the workbook at `path`; `display` names it in errors.
    package init(path: String, display: String) throws(FileFormatError) {
        self.path = path
        self.display = display
        do {
            archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
            file = try Data(contentsOf: URL(fileURLWithPath: path), options: .mappedIfSafe)
        } catch {
            throw FileFormatError(file: display, message: Bilingual("not an XLSX workbook (cannot open it as a zip archive)",
                                                                    "不是 XLSX 工作簿（无法作为 zip 压缩包打开）"))
        }
        let workbook = WorkbookPart()
        try Self.parse(try Self.extract("xl/workbook.xml", from: archive, file: file, display: display), part: "xl/workbook.xml",
                       delegate: workbook, display: display)
        let relationships = RelationshipsPart()
        if let data = try? Self.extract("xl/_rels/workbook.xml.rels", from: archive, file: file, display: display) {
            try Self.parse(data, part: "xl/_rels/workbook.xml.rels", delegate: relationships, display: display)
        }
        sheetNames = workbook.sheets.map(\.name)
        sheetPaths = workbook.sheets.enumerated().map { index, sheet in
            guard let target = relationships.targets[sheet.relationship] else { return "xl/worksheets/sheet\(index + 1).xml" }
            return target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target
        }
        system = workbook.uses1904 ? .from1904 : .from1900
    }

    /// The rows of the sheet named `selector` (a name, or a 1-based position); the first sheet when nil.
    package func rows(sheet selector: String?) throws(FileFormatError) -> BufferedRows {
        guard !sheetNames.isEmpty else { throw FileFormatError(file: display, message: Bilingual("the workbook has no sheets", "工作簿里没有工作表")) }
        let index: Int
        if let selector {
            if let found = sheetNames.firstIndex(of: selector) {
                index = found
            } else if let position = Int(selector), (1...sheetNames.count).contains(position) {
                index = position - 1
            } else {
                let named = sheetNames.map { "`\($0)`" }
                throw FileFormatError(file: display, message: Bilingual("no sheet `\(selector)`; the workbook has " + named.joined(separator: ", "),
                                                                        "没有工作表 `\(selector)`；工作簿里有 " + named.joined(separator: "、")))
            }
        } else {
            index = 0
        }
        var sharedStrings: [String] = []
        if archive["xl/sharedStrings.xml"] != nil {
            let part = SharedStringsPart()
            try Self.parse(try Self.extract("xl/sharedStrings.xml", from: archive, file: file, display: display),
                           part: "xl/sharedStrings.xml", delegate: part, display: display)
            sharedStrings = part.strings
        }
        var dateStyles: Set<Int> = []
        if archive["xl/styles.xml"] != nil {
            let part = StylesPart()
            try Self.parse(try Self.extract("xl/styles.xml", from: archive, file: file, display: display),
                           part: "xl/styles.xml", delegate: part, display: display)
            dateStyles = part.dateStyles
        }
        let sheetPath = sheetPaths[index]
        let sheet = XLSXSheetPart(sharedStrings: sharedStrings, dateStyles: dateStyles, system: system)
        try Self.parse(try Self.extract(sheetPath, from: archive, file: file, display: display), part: sheetPath,
                       delegate: sheet, display: display, problem: { sheet.problem })
        return BufferedRows(sheet.rows)
    }

    private static func extract(_ part: String, from archive: Archive, file: Data, display: String) throws(FileFormatError) -> Data {
        guard let entry = archive[part] else {
            throw FileFormatError(file: display, message: Bilingual("not an XLSX workbook: it has no `\(part)`", "不是 XLSX 工作簿：没有 `\(part)`"))
        }
        guard entry.uncompressedSize <= UInt64(maxPartBytes) else {
            throw FileFormatError(file: display, message: Bilingual(
                "`\(part)` would inflate to \(entry.uncompressedSize) bytes, over the \(maxPartBytes >> 20) MiB limit",
                "`\(part)` 解压后有 \(entry.uncompressedSize) 字节，超过 \(maxPartBytes >> 20) MiB 的上限"))
        }
        do {
            return try ZipPartReader.read(entry, in: file, limit: maxPartBytes)
        } catch {
            switch error {
            case .tooLarge:
                throw FileFormatError(file: display, message: Bilingual(
                    "`\(part)` inflates past the \(maxPartBytes >> 20) MiB limit (its header claims less)",
                    "`\(part)` 解压后超过 \(maxPartBytes >> 20) MiB 的上限（它的头部声称更小）"))
            case .damaged(let why):
                throw FileFormatError(file: display, message: Bilingual("`\(part)` is damaged: \(why)", "`\(part)` 已损坏（解压：\(why)）"))
            }
        }
    }

    private static func parse(_ data: Data, part: String, delegate: some XMLParserDelegate, display: String,
                              problem: () -> Bilingual? = { nil }) throws(FileFormatError) {
        if let problem = XMLEncodingCheck.problem(in: data) {
            throw FileFormatError(file: display, message: Bilingual("`\(part)` \(problem.en)", "`\(part)` \(problem.zh)"))
        }
        // Spreadsheet parts never declare entities; one that does is refused like an XML export.
        if let entity = XMLRecords.declaredEntity(in: data) {
            throw FileFormatError(file: display, message: Bilingual(
                "`\(part)` declares the XML entity `\(entity.name)` (line \(entity.line)); documents with entity declarations are refused",
                "`\(part)` 声明了 XML 实体 `\(entity.name)`（第 \(entity.line) 行）；带实体声明的文档一律拒绝"))
        }
        let parser = XMLParser(data: data)
        parser.shouldResolveExternalEntities = false
        parser.delegate = delegate
        let ok = parser.parse()
        if let problem = problem() {
            throw FileFormatError(file: display, message: Bilingual("`\(part)`: \(problem.en)", "`\(part)`：\(problem.zh)"))
        }
        guard ok, parser.parserError == nil else {
            let reason = XMLParseProblem.describe(parser.parserError)
            let (line, column) = (parser.lineNumber, parser.columnNumber)
            throw FileFormatError(file: display, message: Bilingual(
                "`\(part)` is not well-formed XML (line \(line), column \(column)): \(reason)",
                "`\(part)` 不是格式正确的 XML（第 \(line) 行第 \(column) 列；解析器：\(reason)）"))
        }
    }
}
