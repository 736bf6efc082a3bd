import Foundation
import KPISchema
import KPIStore

/// Renders stored values as export text.
package enum CellText {
    /// Numbers in plain decimal notation (never `1e-05`), to at most nine decimal places.
    package static func number(_ value: TableValue) -> String? {
        switch value {
        case .integer(let v): return String(v)
        case .real(let v): return Decimal(shortest: v)?.rounded(scale: 9).plainString
        default: return nil
        }
    }

    /// A value as people read it in a report: text as is, numbers plain, `missing` for null or absent.
    package static func plain(_ value: TableValue?, missing: String = "") -> String {
        switch value {
        case .text(let v)?: v
        case let value?: number(value) ?? missing
        case nil: missing
        }
    }

    /// One CSV cell. Text a spreadsheet would evaluate (see ``runsAsFormula(_:)``) is prefixed with `'`
    /// so Excel and 飞书 show it instead of running it.
    package static func csv(_ value: TableValue) -> String {
        switch value {
        case .null: return ""
        case .integer, .real: return number(value) ?? ""
        case .text(let text):
            var cell = text
            if runsAsFormula(cell) { cell = "'" + cell }
            if cell.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) || cell.hasPrefix(" ") || cell.hasSuffix(" ") {
                cell = "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\""
            }
            return cell
        }
    }

    /// Whether a spreadsheet opening the CSV would evaluate `text`: it starts with `=`, `@`, tab or CR, or
    /// with `+` / `-` followed by anything but a plain number (`-5.00`, `-1,234.50`) or a zone offset
    /// (`-07:00`) — neither calls a function or names a cell, and a guard there would turn every US offset
    /// into text in BI tools. (`-1:1` could name row 1, so only the `HH:MM` shape counts as an offset.)
    package static func runsAsFormula(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first else { return false }
        switch first {
        case "=", "@", "\t", "\r": return true
        case "+", "-":
            let rest = Array(text.unicodeScalars.dropFirst())
            let digit = { (c: Unicode.Scalar) in ("0"..."9").contains(c) }
            let number = rest.first.map(digit) == true && rest.allSatisfy { digit($0) || $0 == "." || $0 == "," }
            let offset = rest.count == 5 && rest[2] == ":" && [0, 1, 3, 4].allSatisfy { digit(rest[$0]) }
            return !rest.isEmpty && !number && !offset
        default: return false
        }
    }

    /// One JSON value.
    package static func json(_ value: TableValue) -> String {
        switch value {
        case .null: return "null"
        case .integer, .real: return number(value) ?? "null"
        case .text(let text): return JSONText.quoted(text)
        }
    }
}
