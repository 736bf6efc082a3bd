import Foundation

/// Reads whole counts (`4`, `"1,200"`, `3.0`); fractions are errors.
package struct IntegerCell: Sendable, Hashable {
    package init() {}

    package let expected = "a whole number like 3 or 1,200"

    package func parse(_ text: String) throws(CellParseError) -> Int? {
        let decimal: Decimal?
        do {
            decimal = try DecimalCell().parse(text)
        } catch {
            throw CellParseError(problem: "`\(text)` is not a whole number", expected: expected)
        }
        guard let decimal else { return nil }
        guard decimal == decimal.rounded(scale: 0), abs(decimal) < 1_000_000_000_000 else {
            throw CellParseError(problem: "`\(text)` is not a whole number", expected: expected)
        }
        return NSDecimalNumber(decimal: decimal).intValue
    }
}
