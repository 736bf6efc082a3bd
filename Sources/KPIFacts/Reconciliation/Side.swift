import Foundation
import KPISchema

/// Where one record counts under one profile for one metric and grain: the period, and what it
/// adds there (a mean's record value, such as its hours, feeds only the bridge; nil for aov).
struct Side {
    var period: Period
    var value: Decimal?
}

/// The lines of a detail explanation, built once per record and shared by both periods it touches.
struct Explanation {
    var reasons: [ReconcileReason]
    var text: Bilingual
}

extension Zone {
    /// `2026-10-31 20:05 Asia/Shanghai`.
    func stamp(_ instant: Instant) -> String { "\(wallClock(of: instant)) \(identifier)" }
}

extension Money {
    /// `USD 10.00`.
    var spelled: String { "\(currency) \(amount.fixed(2))" }
}
