import Foundation

/// One row of `reconciliation_detail`: a record that counts differently under two profiles in one
/// period, with the reasons in codes and in plain words.
package struct ReconciliationDetail: Sendable, Hashable {
    package var grain: Grain
    package var periodStart: CivilDate
    package var metric: String
    package var profileA: String
    package var profileB: String
    /// `order`, `refund`, `ticket` or `stock`.
    package var recordKind: String
    /// `amazon:112-…`, `amazon:112-…#r1`, `zendesk:4711`, `erp:US-WEST:SKU@2026-10-31`.
    package var recordID: String
    package var platform: String
    package var shop: String
    package var inA: Bool
    package var inB: Bool
    /// The record's contribution on each side, in profile A's currency for money.
    package var valueA: Decimal?
    package var valueBInA: Decimal?
    package var reasons: [ReconcileReason]
    /// What happened to the record, in each team's language (`explanation` and `explanation_zh`).
    package var explanation: Bilingual
    package var sourceFile: String
    package var sourceLine: Int

    package init(grain: Grain, periodStart: CivilDate, metric: String, profileA: String, profileB: String,
                recordKind: String, recordID: String, platform: String, shop: String, inA: Bool, inB: Bool,
                valueA: Decimal?, valueBInA: Decimal?, reasons: [ReconcileReason], explanation: Bilingual,
                sourceFile: String, sourceLine: Int) {
        self.grain = grain
        self.periodStart = periodStart
        self.metric = metric
        self.profileA = profileA
        self.profileB = profileB
        self.recordKind = recordKind
        self.recordID = recordID
        self.platform = platform
        self.shop = shop
        self.inA = inA
        self.inB = inB
        self.valueA = valueA
        self.valueBInA = valueBInA
        self.reasons = reasons
        self.explanation = explanation
        self.sourceFile = sourceFile
        self.sourceLine = sourceLine
    }

    /// The primary key's order: grain, period, metric, profiles, record.
    package static func < (a: ReconciliationDetail, b: ReconciliationDetail) -> Bool {
        let left = (a.grain, a.periodStart, a.metric, a.profileA, a.profileB, a.recordKind)
        let right = (b.grain, b.periodStart, b.metric, b.profileA, b.profileB, b.recordKind)
        return left < right || (left == right && a.recordID < b.recordID)
    }
}
