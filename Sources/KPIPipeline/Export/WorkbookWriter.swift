import Foundation
import KPISchema
import KPIStore
import ZIPFoundation

/// Writes store tables as one `.xlsx` workbook, a sheet per table: header row frozen and bold, numbers as
/// numbers, ISO dates and UTC instants as Excel dates, text as inline strings (never a formula, whatever it
/// starts with). Parts are written by hand — the format is a few fixed XML files — and zipped with
/// ZIPFoundation at a fixed timestamp, so the same store gives the same bytes.
package struct WorkbookWriter: Sendable {
    /// One sheet: its name and the header and rows of one table.
    package struct Sheet: Sendable {
        package var name: String
        package var header: [String]
        package var rows: [[TableValue]]
        /// Columns holding decimals stored as text (amounts, rates): written as numbers when they parse.
        package var decimalColumns: Set<Int>

        package init(name: String, header: [String], rows: [[TableValue]], decimalColumns: Set<Int> = []) {
            self.name = name
            self.header = header
            self.rows = rows
            self.decimalColumns = decimalColumns
        }
    }

    package init() {}

    /// Rows a sheet holds besides its header (Excel's limit).
    package static let maxRows = 1_048_575
    /// Characters a cell holds (Excel's limit).
    package static let maxCellCharacters = 32_767

    /// Writes `sheets` to `path` (replacing it).
    package func write(_ sheets: [Sheet], to path: String) throws {
        let url = URL(fileURLWithPath: path)
        try? FileManager.default.removeItem(at: url)
        let archive = try Archive(url: url, accessMode: .create)
        var parts: [(String, Data)] = [
            ("[Content_Types].xml", Data(contentTypes(sheets.count).utf8)),
            ("_rels/.rels", Data(Self.rootRelationships.utf8)),
            ("xl/workbook.xml", Data(workbook(sheets.map(\.name)).utf8)),
            ("xl/_rels/workbook.xml.rels", Data(workbookRelationships(sheets.count).utf8)),
            ("xl/styles.xml", Data(Self.styles.utf8)),
        ]
        for (index, sheet) in sheets.enumerated() {
            parts.append(("xl/worksheets/sheet\(index + 1).xml", Data(Self.worksheet(sheet).utf8)))
        }
        // A fixed time: the zip's entry dates would otherwise make each export's bytes differ.
        let fixed = Date(timeIntervalSince1970: 1_577_836_800)
        for (name, data) in parts {
            try archive.addEntry(with: name, type: .file, uncompressedSize: Int64(data.count), modificationDate: fixed,
                                 compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
    }

    /// Sheet names Excel accepts: at most 31 characters, none of `[]:*?/\`.
    package static func sheetName(_ name: String) -> String {
        String(name.map { "[]:*?/\\".contains($0) ? "_" : $0 }.prefix(31))
    }

    // MARK: Parts

    private func contentTypes(_ count: Int) -> String {
        let sheets = (0..<count).map {
            "<Override PartName=\"/xl/worksheets/sheet\($0 + 1).xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
        }.joined()
        return Self.declaration + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
            + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
            + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
            + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
            + "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>"
            + sheets + "</Types>"
    }

    private static let declaration = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    private static let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    private static let relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

    private static let rootRelationships = declaration
        + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        + "<Relationship Id=\"rId1\" Type=\"\(relationships)/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>"

    private func workbook(_ names: [String]) -> String {
        Self.declaration + "<workbook xmlns=\"\(Self.main)\" xmlns:r=\"\(Self.relationships)\"><sheets>"
            + names.enumerated().map { "<sheet name=\"\(Self.escape(Self.sheetName($1)))\" sheetId=\"\($0 + 1)\" r:id=\"rId\($0 + 1)\"/>" }.joined()
            + "</sheets></workbook>"
    }

    private func workbookRelationships(_ count: Int) -> String {
        Self.declaration + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
            + (0..<count).map { "<Relationship Id=\"rId\($0 + 1)\" Type=\"\(Self.relationships)/worksheet\" Target=\"worksheets/sheet\($0 + 1).xml\"/>" }.joined()
            + "<Relationship Id=\"rId\(count + 1)\" Type=\"\(Self.relationships)/styles\" Target=\"styles.xml\"/></Relationships>"
    }

    /// Styles: 0 plain, 1 bold header, 2 date `yyyy-mm-dd`, 3 date-time `yyyy-mm-dd hh:mm:ss`.
    private static let styles = declaration + "<styleSheet xmlns=\"\(main)\">"
        + "<numFmts count=\"2\"><numFmt numFmtId=\"164\" formatCode=\"yyyy-mm-dd\"/><numFmt numFmtId=\"165\" formatCode=\"yyyy-mm-dd hh:mm:ss\"/></numFmts>"
        + "<fonts count=\"2\"><font><sz val=\"11\"/><name val=\"Calibri\"/></font><font><b/><sz val=\"11\"/><name val=\"Calibri\"/></font></fonts>"
        + "<fills count=\"2\"><fill><patternFill patternType=\"none\"/></fill><fill><patternFill patternType=\"gray125\"/></fill></fills>"
        + "<borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"
        + "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
        + "<cellXfs count=\"4\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>"
        + "<xf numFmtId=\"0\" fontId=\"1\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyFont=\"1\"/>"
        + "<xf numFmtId=\"164\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>"
        + "<xf numFmtId=\"165\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/></cellXfs>"
        + "</styleSheet>"

    private static func worksheet(_ sheet: Sheet) -> String {
        var xml = declaration + "<worksheet xmlns=\"\(main)\"><sheetViews><sheetView workbookViewId=\"0\">"
            + "<pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/></sheetView></sheetViews><sheetData>"
        xml += "<row r=\"1\">" + sheet.header.enumerated().map { index, name in
            "<c r=\"\(column(index))1\" s=\"1\" t=\"inlineStr\"><is><t>\(escape(name))</t></is></c>"
        }.joined() + "</row>"
        for (rowIndex, row) in sheet.rows.enumerated() {
            let number = rowIndex + 2
            xml += "<row r=\"\(number)\">"
            for (index, value) in row.enumerated() {
                if sheet.decimalColumns.contains(index), case .text(let text) = value, Decimal(plain: text) != nil {
                    xml += "<c r=\"\(column(index))\(number)\"><v>\(text)</v></c>"
                } else {
                    xml += cell(value, at: "\(column(index))\(number)")
                }
            }
            xml += "</row>"
        }
        return xml + "</sheetData></worksheet>"
    }

    /// One cell: a number, a date or date-time serial with its style, or an inline string; nothing for null.
    private static func cell(_ value: TableValue, at reference: String) -> String {
        switch value {
        case .null:
            return ""
        case .integer, .real:
            guard let number = CellText.number(value) else { return "" }  // not finite: no cell rather than a bad one
            return "<c r=\"\(reference)\"><v>\(number)</v></c>"
        case .text(let text):
            // From 1900-03-01 on: before it Excel's serials count a 29 February 1900 that never was.
            if let day = CivilDate(iso: text), text.count == 10, day.year >= 1901 {
                return "<c r=\"\(reference)\" s=\"2\"><v>\(day.daysSinceEpoch + 25_569)</v></c>"
            }
            if text.count == 20, text.hasSuffix("Z"), let instant = Instant(iso8601: text), instant.utcDate.year >= 1901 {
                let serial = Decimal(instant.secondsSinceEpoch) / 86_400 + 25_569
                // 17 significant digits, the most a spreadsheet's double holds: at 9 decimals 20:00:00 is stored a
                // few microseconds short, and LibreOffice, which truncates to the second, showed 19:59:59.
                return "<c r=\"\(reference)\" s=\"3\"><v>\(serial.rounded(scale: 12).plainString)</v></c>"
            }
            var shown = text
            if shown.count > maxCellCharacters {
                // Marked, never silent: the CSV export has the whole text.
                let note = "… [cut: \(shown.count) characters; the CSV export has them all]"
                shown = String(shown.prefix(maxCellCharacters - note.count)) + note
            }
            return "<c r=\"\(reference)\" t=\"inlineStr\"><is><t xml:space=\"preserve\">\(escape(shown))</t></is></c>"
        }
    }

    /// `A`, `B`, … `Z`, `AA`, … for a zero-based column.
    private static func column(_ index: Int) -> String {
        var index = index + 1
        var letters = ""
        while index > 0 {
            let rest = (index - 1) % 26
            letters = String(UnicodeScalar(UInt8(65 + rest))) + letters
            index = (index - 1) / 26
        }
        return letters
    }

    /// XML text: markup characters escaped, and characters XML 1.0 cannot hold (control characters other
    /// than tab and newline) written as `_xHHHH_`, Excel's own escape — so text that already reads like one
    /// has its `_` written `_x005F_`, or Excel would decode it.
    private static func escape(_ text: String) -> String {
        var out = ""
        let scalars = Array(text.unicodeScalars)
        for (index, scalar) in scalars.enumerated() {
            if scalar == "_", index + 6 < scalars.count, scalars[index + 1] == "x", scalars[index + 6] == "_",
               scalars[(index + 2)...(index + 5)].allSatisfy({ $0.properties.isASCIIHexDigit }) {
                out += "_x005F_"
                continue
            }
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "\t", "\n": out.unicodeScalars.append(scalar)
            case _ where scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF:
                out += String(format: "_x%04X_", scalar.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
