import KPISchema

/// A group of people with their own targets.
package enum Segment: Sendable, Hashable {
    /// Hired fewer than `days` days before the period starts (any day of the period falls in the
    /// first `days` days).
    case newHire(days: Int)
    /// On the night shift (roster `shift: night`).
    case night

    package var name: String {
        switch self {
        case .newHire: "new_hire"
        case .night: "night"
        }
    }

    package func contains(_ employee: Employee, in period: Period) -> Bool {
        switch self {
        case .newHire(let days):
            guard let hired = employee.hiredOn else { return false }
            return period.start < hired.adding(days: days)
        case .night:
            return employee.shift == .night
        }
    }
}
