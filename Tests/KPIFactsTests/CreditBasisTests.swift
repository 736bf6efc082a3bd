import KPISchema
import Testing
@testable import KPIFacts

/// Every metric of the catalog has a lineage: some basis of records its formula reads, or it is derived from
/// other facts (growth, buyer rates) and says so. Which records each basis names is checked on the sample
/// (`TraceTests`: every traced record is in its fact's lineage; `LineageTests`: a count lists its records).
@Suite struct CreditBasisTests {
    @Test func everyMetricIsReadBySomeBasisOrDerived() {
        let read = Set(CreditBasis.allCases.flatMap(\.metrics))
        #expect(read.union(CreditBasis.derived) == Set(MetricID.allCases))
        #expect(read.isDisjoint(with: CreditBasis.derived))
    }

    @Test func eachBasisNamesTheRecordItCredits() {
        #expect(CreditBasis.allCases.map(\.recordKind) == [
            "order", "refund", "return", "return", "fulfillment_event", "ad", "fee", "contract", "ticket", "ticket", "stock",
            "traffic", "task", "review",
        ])
    }
}
