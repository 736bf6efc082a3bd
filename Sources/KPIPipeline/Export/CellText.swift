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

    /// One CSV cell. Text starting with `=`, `+`, `-`, `@`, tab or CR is prefixed with `'` so Excel
    /// and 飞书 show it instead of evaluating it — unless it is simply a number such as `-5.00`.
    package static func csv(_ value: TableValue) -> String {
        switch value {
        case .null: return ""
        case .integer, .real: return number(value) ?? ""
        case .text(let text):
            var cell = text
            if let first = cell.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first), Decimal(plain: cell) == nil {
                cell = "'" + cell
            }
            if cell.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) || cell.hasPrefix(" ") || cell.hasSuffix(" ") {
                cell = "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\""
            }
            return cell
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
