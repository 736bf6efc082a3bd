import Foundation

/// One row of `fact_reconciliation_bridge`: one step of the walk from profile A's value of a metric to
/// profile B's, for one period and scope.
///
/// A bridge reads top to bottom: the `start` row holds A's value, each cause row the signed effect of
/// the records that differ for that cause (and how many there are), an optional `residual` row what the
/// causes do not account for, and the `end` row B's value in A's currency. `value` is the running total
/// after each row, so a chart draws the waterfall from it directly.
package struct BridgeStep: Sendable, Hashable {
    /// What a row of the walk stands for.
    package enum Kind: Sendable, Hashable {
        case start
        /// The records whose reasons are exactly these (a record with several reasons counts once, under all of them).
        case cause([ReconcileReason])
        /// Records that differ with no reason the reconciler could name.
        case unexplained
        /// What rounding each cause to the metric's scale leaves between their sum and B's value (at most
        /// half a unit of the last place per rounded number).
        case rounding
        /// What is left beyond rounding: records the reconciler does not compare one by one.
        case residual
        case end

        /// The stored text: `start`, `end`, `residual`, `unexplained`, or reason codes joined by commas.
        package var code: String {
            switch self {
            case .start: "start"
            case .end: "end"
            case .rounding: "rounding"
            case .residual: "residual"
            case .unexplained: "unexplained"
            case .cause(let reasons): reasons.map(\.rawValue).joined(separator: ",")
            }
        }

        package init?(code: String) {
            switch code {
            case "start": self = .start
            case "end": self = .end
            case "rounding": self = .rounding
            case "residual": self = .residual
            case "unexplained": self = .unexplained
            default:
                let reasons = code.split(separator: ",").compactMap { ReconcileReason(rawValue: String($0)) }
                guard !reasons.isEmpty, reasons.count == code.split(separator: ",").count else { return nil }
                self = .cause(reasons)
            }
        }
    }

    package var grain: Grain
    package var periodStart: CivilDate
    package var periodEnd: CivilDate
    package var scopeType: ScopeType
    package var scopeID: String
    package var metric: String
    package var profileA: String
    package var profileB: String
    /// The row's place in the walk, from 0 (`start`).
    package var step: Int
    package var kind: Kind
    /// The signed change this row makes (nil on `start` and `end`).
    package var effect: Decimal?
    /// The running value after this row: A's value on `start`, B's (in A's currency) on `end`.
    package var value: Decimal?
    /// How many records the row stands for (nil on `start`, `end`, `rounding` and `residual`).
    package var records: Int?
    package var unit: String
    /// A's currency, for money metrics: every effect is in it.
    package var currency: String?
    /// B's own currency when it is not A's: B's records were converted each at its own day's rate.
    package var convertedFrom: String?

    package init(grain: Grain, periodStart: CivilDate, periodEnd: CivilDate, scopeType: ScopeType, scopeID: String,
                 metric: String, profileA: String, profileB: String, step: Int, kind: Kind, effect: Decimal?,
                 value: Decimal?, records: Int?, unit: String, currency: String?, convertedFrom: String?) {
        self.grain = grain
        self.periodStart = periodStart
        self.periodEnd = periodEnd
        self.scopeType = scopeType
        self.scopeID = scopeID
        self.metric = metric
        self.profileA = profileA
        self.profileB = profileB
        self.step = step
        self.kind = kind
        self.effect = effect
        self.value = value
        self.records = records
        self.unit = unit
        self.currency = currency
        self.convertedFrom = convertedFrom
    }
}
