import KPISchema
import Foundation

/// Reads whole counts (`4`, `"1,200"`, `3.0`); fractions are errors.
package struct IntegerCell: Sendable, Hashable {
    package init() {}

    package let expected = Bilingual("a whole number like 3 or 1,200", "整数，如 3 或 1,200")

    private func notAWholeNumber(_ text: String) -> CellParseError {
        CellParseError(problem: Bilingual("`\(text)` is not a whole number", "`\(text)` 不是整数"), expected: expected)
    }

    package func parse(_ text: String) throws(CellParseError) -> Int? {
        let decimal: Decimal?
        do {
            decimal = try DecimalCell().parse(text)
        } catch {
            throw notAWholeNumber(text)
        }
        guard let decimal else { return nil }
        guard decimal == decimal.rounded(scale: 0), abs(decimal) < 1_000_000_000_000 else {
            throw notAWholeNumber(text)
        }
        return NSDecimalNumber(decimal: decimal).intValue
    }
}
