import Foundation
import KPISchema

/// A named, timed job from `schedules/NAME.yaml`: when it runs (a cron time in a zone), which
/// sources it loads, and which stages follow.
package struct Schedule: Sendable {
    /// What a scheduled run does after planning the inbox.
    package enum Stage: String, Sendable, CaseIterable {
        /// Load new files of the schedule's sources, then refresh every fact table.
        case load
        /// Score cards from the refreshed facts (skip it for hourly pulls; the nightly run scores).
        case score
        /// Write the HTML report(s) named under `report:`.
        case report
    }

    /// A period named relative to the day the schedule runs, in its zone.
    package enum RelativePeriod: String, Sendable, CaseIterable {
        case previousDay = "previous_day", previousWeek = "previous_week", previousMonth = "previous_month"
        case previousQuarter = "previous_quarter", currentMonth = "current_month", currentQuarter = "current_quarter"

        package func period(on today: CivilDate) -> Period {
            switch self {
            case .previousDay: Grain.day.period(containing: today).previous
            case .previousWeek: Grain.week.period(containing: today).previous
            case .previousMonth: Grain.month.period(containing: today).previous
            case .previousQuarter: Grain.quarter.period(containing: today).previous
            case .currentMonth: Grain.month.period(containing: today)
            case .currentQuarter: Grain.quarter.period(containing: today)
            }
        }
    }

    /// Where and how a scheduled report is written.
    package struct ReportSettings: Sendable {
        package var period: RelativePeriod
        package var languages: [DisplayLanguage]
        /// A folder inside the workspace.
        package var folder: String
    }

    package var name: String
    package var description: String?
    package var cron: CronExpression
    package var zone: Zone
    /// Connector ids whose inbox files this schedule loads; nil for all.
    package var sources: [String]?
    package var stages: [Stage]
    /// Closed period rewritten with the definitions now in force (a monthly close).
    package var recompute: RelativePeriod?
    /// The period closed once the load and scoring are done (`close:`), when its grace has passed.
    package var close: RelativePeriod?
    /// Days after the period ends before the schedule closes it (`close_grace_days:`): late files still land.
    package var closeGraceDays = 0
    package var report: ReportSettings?

    /// The day the schedule's zone is on at `instant`: what relative periods count from.
    package func today(at instant: Instant) -> CivilDate { zone.date(of: instant) }
}
