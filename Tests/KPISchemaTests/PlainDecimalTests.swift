import Foundation
import KPISchema
import Testing

/// `Decimal(plain:)` builds short numbers itself instead of asking Foundation; these hold it to
/// Foundation's answer on the forms exports carry, at the 18-digit edge and past it.
@Suite struct PlainDecimalTests {
    private static let posix = Locale(identifier: "en_US_POSIX")

    @Test(arguments: [
        "0", "0.00", "-0.00", "-0", "7", "12.50", "-12.50", "72.970", "1000.00", "0005", ".5", "5.", "-.25",
        "0.0001", "0.000000000000000001", "123456789012345678", "-123456789012345678", "12345678901234567.8",
        "1234567890123456789", "99999999999999999999.99", "0.1234567890123456789",
    ])
    func sameAsFoundation(text: String) throws {
        let mine = try #require(Decimal(plain: text))
        let foundation = try #require(Decimal(string: text, locale: Self.posix))
        #expect(mine == foundation)
        #expect(mine.plainString == foundation.plainString)
        #expect(mine.hashValue == foundation.hashValue)
    }

    @Test(arguments: ["", "-", ".", "1e5", "1.2.3", "--5", "5-", "+5", " 5", "1,000", "١٢"])
    func rejected(text: String) {
        #expect(Decimal(plain: text) == nil)
    }
}
