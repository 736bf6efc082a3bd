import Foundation
import Testing
@testable import KPIReport

/// Numbers as the report prints them, each worked out by hand.
@Suite struct NumberTextTests {
    @Test func unitsAndGrouping() {
        #expect(NumberText.value(Decimal(string: "82609.1")!, unit: "currency", currency: "CNY") == "82,609.10 CNY")
        #expect(NumberText.value(Decimal(string: "-1234567.456")!, unit: "currency") == "-1,234,567.46")
        #expect(NumberText.value(25456, unit: "count") == "25,456")
        #expect(NumberText.value(134, unit: "count") == "134")
        #expect(NumberText.value(Decimal(string: "0.093534")!, unit: "ratio") == "9.4%")
        #expect(NumberText.value(Decimal(string: "21.5287")!, unit: "hours") == "21.5 h")
        #expect(NumberText.value(Decimal(string: "0.0417")!, unit: "hours") == "0.04 h")
        #expect(NumberText.trimmed(Decimal(string: "104.2200")!) == "104.22")
        #expect(NumberText.trimmed(Decimal(string: "9.000")!) == "9")
        #expect(NumberText.grouped("999") == "999")
        #expect(NumberText.grouped("1000.5") == "1,000.5")
    }

    @Test func changeIsRelativeExceptForRatios() throws {
        // gmv 74,019.53 → 82,609.10: 8,589.57 / 74,019.53 = 11.60 % up.
        let gmv = try #require(NumberText.change(from: Decimal(string: "74019.53"), to: Decimal(string: "82609.1")!, unit: "currency"))
        #expect(gmv.text == "+11.6%")
        // Refund rate 9.1667 % → 8.9552 %: −0.2115 points, printed in points, not relative.
        let refunds = try #require(NumberText.change(from: Decimal(string: "0.091667"), to: Decimal(string: "0.089552")!, unit: "ratio"))
        #expect(refunds.text == "−0.2 pp")
        #expect(refunds.delta < 0)
        #expect(NumberText.change(from: 5, to: 5, unit: "count")?.text == "±0.0%")
        // Nothing to compare with: no previous value, or a previous zero for a relative change.
        #expect(NumberText.change(from: nil, to: 5, unit: "count") == nil)
        #expect(NumberText.change(from: 0, to: 5, unit: "count") == nil)
    }

    @Test func axisLabelsUseTheStepsDecimals() {
        #expect(NumberText.axis(75000, unit: "currency", step: 25000) == "75,000")
        #expect(NumberText.axis(0.25, unit: "ratio", step: 0.25) == "25%")
        #expect(NumberText.axis(0.025, unit: "ratio", step: 0.025) == "2.5%")
        #expect(NumberText.axis(2.5, unit: "hours", step: 2.5) == "2.5 h")
    }
}
