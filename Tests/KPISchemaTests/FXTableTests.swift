import Foundation
import KPISchema
import Testing

@Suite struct FXTableTests {
    let table = FXTable(rates: [
        .init(date: CivilDate(iso: "2026-10-09")!, from: "USD", to: "CNY", rate: Decimal(string: "7.10")!),
        .init(date: CivilDate(iso: "2026-10-12")!, from: "USD", to: "CNY", rate: Decimal(string: "7.20")!),
    ], maxCarryDays: 3)

    @Test func exactCarriedAndInverseRates() throws {
        #expect(try table.rate(from: "USD", to: "CNY", on: CivilDate(iso: "2026-10-09")!) == Decimal(string: "7.10")!)
        #expect(try table.rate(from: "USD", to: "CNY", on: CivilDate(iso: "2026-10-11")!) == Decimal(string: "7.10")!)
        #expect(try table.rate(from: "USD", to: "CNY", on: CivilDate(iso: "2026-10-12")!) == Decimal(string: "7.20")!)
        #expect(try table.convert(Money(Decimal(string: "72")!, "CNY"), to: "USD", on: CivilDate(iso: "2026-10-12")!) == 10)
        #expect(try table.rate(from: "EUR", to: "EUR", on: CivilDate(iso: "2000-01-01")!) == 1)
    }

    @Test func missingRateNamesDateAndPair() {
        #expect(throws: FXError.missingRate(from: "USD", to: "CNY", date: CivilDate(iso: "2026-10-08")!, maxCarryDays: 3)) {
            try table.rate(from: "USD", to: "CNY", on: CivilDate(iso: "2026-10-08")!)
        }
        #expect(throws: FXError.self) { try table.rate(from: "USD", to: "CNY", on: CivilDate(iso: "2026-10-16")!) }
        #expect(FXError.missingRate(from: "USD", to: "GBP", date: CivilDate(iso: "2026-10-08")!, maxCarryDays: 3).description
            == "no fx rate USD→GBP for 2026-10-08 (nor within the 3 days before it); add a row `2026-10-08,USD,GBP,RATE` to the fx table")
    }

    @Test func plainDecimalsOnly() {
        #expect(Decimal(plain: "-12.50") == Decimal(string: "-12.5")!)
        #expect(Decimal(plain: "1e309") == nil)
        #expect(Decimal(plain: "--5") == nil)
        #expect(Decimal(string: "12.345")!.rounded(scale: 2).plainString == "12.35")
    }
}
