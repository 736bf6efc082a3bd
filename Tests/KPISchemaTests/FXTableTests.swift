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

    /// A pair the table lacks goes through a pivot it has both legs of: 13 GBP at 1.30 USD and 7.10 CNY.
    @Test func aPairWithoutRatesGoesThroughAPivot() throws {
        let pivoted = FXTable(rates: [
            .init(date: CivilDate(iso: "2026-10-09")!, from: "USD", to: "CNY", rate: Decimal(string: "7.10")!),
            .init(date: CivilDate(iso: "2026-10-09")!, from: "GBP", to: "USD", rate: Decimal(string: "1.30")!),
        ], maxCarryDays: 3)
        let day = CivilDate(iso: "2026-10-10")!
        #expect(try pivoted.convert(Money(13, "GBP"), to: "CNY", on: day) == Decimal(string: "119.99")!)
        #expect(try pivoted.convert(Money(Decimal(string: "92.3")!, "CNY"), to: "GBP", on: day) == 10)
        #expect(throws: FXError.self) { try pivoted.rate(from: "GBP", to: "CNY", on: CivilDate(iso: "2026-10-20")!) }
    }

    /// Collecting, a lookup records what is missing and converts to 0; the collector words them all.
    @Test func missingRatesAreCollectedWithTheFewestRowsToAdd() throws {
        let misses = MissingRates()
        let collecting = table.collectingMisses(in: misses)
        for day in ["2026-10-01", "2026-10-02", "2026-10-05", "2026-10-16", "2026-10-20"] {
            #expect(try collecting.convert(Money(1, "USD"), to: "CNY", on: CivilDate(iso: day)!) == 0)
        }
        #expect(misses.error?.rows == ["2026-10-01,USD,CNY,RATE", "2026-10-05,USD,CNY,RATE", "2026-10-16,USD,CNY,RATE",
                                       "2026-10-20,USD,CNY,RATE"])
    }

    /// What the metric pass converts with: a known rate converts, a missing one answers nil (recorded)
    /// while collecting and throws otherwise — never a 0 that would look like a sale of nothing.
    @Test func convertIfKnownLeavesOutWhatItCannotConvert() throws {
        let misses = MissingRates()
        let collecting = table.collectingMisses(in: misses)
        #expect(try collecting.convertIfKnown(Money(10, "USD"), to: "CNY", on: CivilDate(iso: "2026-10-08")!) == nil)
        #expect(misses.error?.rows == ["2026-10-08,USD,CNY,RATE"])
        #expect(throws: FXError.self) { try table.convertIfKnown(Money(10, "USD"), to: "CNY", on: CivilDate(iso: "2026-10-08")!) }
        #expect(try table.convertIfKnown(Money(10, "CNY"), to: "CNY", on: CivilDate(iso: "2026-10-08")!) == 10)
    }

    @Test func plainDecimalsOnly() {
        #expect(Decimal(plain: "-12.50") == Decimal(string: "-12.5")!)
        #expect(Decimal(plain: "1e309") == nil)
        #expect(Decimal(plain: "--5") == nil)
        #expect(Decimal(string: "12.345")!.rounded(scale: 2).plainString == "12.35")
    }
}
