import Foundation

/// An exact decimal amount in one ISO 4217 currency.
///
/// Money never passes through `Double`: binary floating point cannot represent cents, and sums
/// over a million lines would drift between runs and between stores.
package struct Money: Sendable, Hashable, Codable, CustomStringConvertible {
    package var amount: Decimal
    package var currency: String

    package init(_ amount: Decimal, _ currency: String) {
        self.amount = amount
        self.currency = currency
    }

    package var description: String { "\(amount.plainString) \(currency)" }
}

/// Built once: creating a `Locale` per parsed amount dominated load time.
private let posixLocale = Locale(identifier: "en_US_POSIX")

extension Decimal {
    /// The value rounded half away from zero to `scale` decimal places.
    package func rounded(scale: Int) -> Decimal {
        var input = self
        var result = Decimal()
        NSDecimalRound(&result, &input, scale, .plain)
        return result
    }

    /// A locale-free rendering with no exponent and no grouping: `1234.5`, `-0.25`, `0`.
    package var plainString: String {
        var copy = self
        return NSDecimalString(&copy, nil)
    }

    /// Exactly `scale` decimals, for people: `10.00`, `30.5`.
    package func fixed(_ scale: Int) -> String {
        let parts = rounded(scale: scale).plainString.split(separator: ".", omittingEmptySubsequences: false)
        guard scale > 0 else { return String(parts[0]) }
        let fraction = parts.count > 1 ? String(parts[1]) : ""
        return String(parts[0]) + "." + fraction.padding(toLength: scale, withPad: "0", startingAt: 0)
    }

    /// The decimal a stored double was written from: its shortest round-trip text (`2490857.12`), where
    /// Foundation's `Decimal(Double)` gives `2490857.120000001`. SQLite keeps NUMERIC values as doubles.
    package init?(shortest double: Double) {
        guard double.isFinite, let value = Decimal(string: String(double), locale: posixLocale) else { return nil }
        self = value
    }

    /// Parses a plain decimal (`-12.50`), rejecting exponents, grouping and anything else.
    ///
    /// Every amount of every export passes through here, and Foundation's `Decimal(string:locale:)` is
    /// the slowest step of a load; up to 18 digits fit a `UInt64` significand and are built directly
    /// (the same value, description and hash), longer texts still go through Foundation.
    package init?(plain text: String) {
        var sawDigit = false
        var sawPoint = false
        var digits = 0, fractionDigits = 0
        var significand: UInt64 = 0
        for (index, byte) in text.utf8.enumerated() {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                sawDigit = true
                digits += 1
                if sawPoint { fractionDigits += 1 }
                if digits <= 18 { significand = significand &* 10 &+ UInt64(byte &- UInt8(ascii: "0")) }
            case UInt8(ascii: "."):
                if sawPoint { return nil }
                sawPoint = true
            case UInt8(ascii: "-") where index == 0: break
            default: return nil
            }
        }
        guard sawDigit, text.utf8.count <= 40 else { return nil }
        if digits <= 18 {
            let negative = text.utf8.first == UInt8(ascii: "-") && significand != 0
            self.init(sign: negative ? .minus : .plus, exponent: -fractionDigits, significand: Decimal(significand))
            return
        }
        guard let value = Decimal(string: text, locale: posixLocale) else { return nil }
        self = value
    }
}
