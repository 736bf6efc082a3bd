import Foundation

/// How a response time is measured: wall-clock hours, or only hours the responder's shift works.
package enum ResponseClock: Sendable, Hashable {
    case calendarHours
    case businessHours(ShiftCalendar)

    /// Hours between a ticket's creation and its reply under this clock.
    package func hours(from: Instant, to: Instant) -> Decimal {
        switch self {
        case .calendarHours: Decimal(to.secondsSinceEpoch - from.secondsSinceEpoch) / 3600
        case .businessHours(let calendar): Decimal(calendar.workingSeconds(from: from, to: to)) / 3600
        }
    }

    /// `calendar_hours` or `business_hours(us_support)`.
    package var variant: String {
        switch self {
        case .calendarHours: "calendar_hours"
        case .businessHours(let calendar): "business_hours(\(calendar.name))"
        }
    }
}
