import Foundation
import KPISchema

/// Reads amounts and counts as exported: `"12,131"`, `$12,905.25`, `£94.50`, `12.02%`, `(3.00)`,
/// `￥88`, or with `decimalComma` the EU form `1.234,56`.
///
/// Strict about everything else: `1e309`, `--5` and `12.3.4` are errors, never a best guess. A group
/// separator must be followed by three digits, so `12,50` in a file that writes decimal commas fails
/// instead of reading as 1250.
package struct DecimalCell: Sendable, Hashable {
    package var decimalComma: Bool
    /// How many units the written number is for: 100 for a bank's per-100 quote, else 1.
    package var per: Decimal

    package init(decimalComma: Bool = false, per: Decimal = 1) {
        self.decimalComma = decimalComma
        self.per = per
    }

    private static let currencyMarks: [String] = ["US$", "CA$", "AU$", "HK$", "RMB", "USD", "CNY", "EUR", "GBP", "CAD", "JPY",
                                                  "$", "£", "€", "¥", "￥", "元"]

    package var expected: Bilingual {
        decimalComma ? Bilingual("a number like 1.234,56 or €12,00", "数字，如 1.234,56 或 €12,00")
            : Bilingual("a number like 1,234.56, $12.00 or 12%", "数字，如 1,234.56、$12.00 或 12%")
    }

    /// Built only when a cell fails: the message costs more than the parse.
    private func notANumber(_ text: String) -> CellParseError {
        CellParseError(problem: Bilingual("`\(text)` is not a number", "`\(text)` 不是数字"), expected: expected)
    }

    /// The value, or nil for an empty cell.
    package func parse(_ text: String) throws(CellParseError) -> Decimal? {
        // Most cells are already plain (`12.50`); they skip the trimming and mark-stripping below.
        if !decimalComma, let plain = Decimal(plain: text) { return per == 1 ? plain : plain / per }
        var s = text.trimmingCharacters(in: .whitespaces)
        if s.isEmpty || s == "-" || s == "--" { return nil }  // placeholders for "no value"
        var negative = false
        if s.hasPrefix("("), s.hasSuffix(")") {
            negative = true
            s = String(s.dropFirst().dropLast()).trimmingCharacters(in: .whitespaces)
        }
        if s.hasPrefix("-") {
            negative.toggle()
            s.removeFirst()
        } else if s.hasPrefix("+") {
            s.removeFirst()
        }
        for mark in Self.currencyMarks {
            if s.hasPrefix(mark) { s.removeFirst(mark.count); break }
        }
        for mark in Self.currencyMarks {
            if s.hasSuffix(mark) { s.removeLast(mark.count); break }
        }
        s = s.trimmingCharacters(in: .whitespaces)
        var percent = false
        if s.hasSuffix("%") {
            percent = true
            s.removeLast()
            s = s.trimmingCharacters(in: .whitespaces)  // `12 %`
        }
        if s.hasPrefix("-") && !negative {  // `$-12.00`
            negative = true
            s.removeFirst()
        }
        let group: Character = decimalComma ? "." : ","
        let point: Character = decimalComma ? "," : "."
        var digits = ""
        var sawPoint = false
        // Digits since the last group separator; nil before the first one.
        var grouped: Int?
        for ch in s {
            if !sawPoint, ch == group || ch == " " || ch == "'" || ch == "\u{00A0}" {
                guard grouped.map({ $0 == 3 }) ?? !digits.isEmpty else { throw notANumber(text) }
                grouped = 0
                continue
            }
            if ch == point {
                if sawPoint || grouped.map({ $0 != 3 }) == true { throw notANumber(text) }
                sawPoint = true
                grouped = nil
                digits.append(".")
            } else if ch.isASCII, ch.isNumber {
                digits.append(ch)
                if let count = grouped { grouped = count + 1 }
            } else {
                throw notANumber(text)
            }
        }
        if let count = grouped, count != 3 { throw notANumber(text) }
        guard let magnitude = Decimal(plain: digits) else {
            throw notANumber(text)
        }
        var value = negative ? -magnitude : magnitude
        if percent { value /= 100 }
        return per == 1 ? value : value / per
    }
}
