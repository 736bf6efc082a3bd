/// The working hours of a team, for measuring response times in business hours.
///
/// A shift whose end is not after its start runs past midnight (a night shift 22:00–06:00 belongs to
/// the day it starts on). Holidays name the day a shift starts on.
package struct ShiftCalendar: Sendable, Hashable {
    package var name: String
    package var zone: Zone
    /// ISO weekdays worked, 1 = Monday … 7 = Sunday.
    package var workingDays: Set<Int>
    package var start: TimeOfDay
    package var end: TimeOfDay
    package var holidays: Set<CivilDate>

    package init(name: String, zone: Zone, workingDays: Set<Int>, start: TimeOfDay, end: TimeOfDay, holidays: Set<CivilDate> = []) {
        self.name = name
        self.zone = zone
        self.workingDays = workingDays
        self.start = start
        self.end = end
        self.holidays = holidays
    }

    /// Longest span measured day by day; a reply more than ten years later is a data error, and
    /// capping keeps a bad date from looping for minutes.
    static let maxDays = 3_660

    /// Seconds of working time between two instants (0 when `to` is not after `from`).
    package func workingSeconds(from: Instant, to: Instant) -> Int64 {
        guard from < to else { return 0 }
        let first = zone.date(of: from).adding(days: -1)  // yesterday's night shift may still be running
        let last = zone.date(of: to)
        var total: Int64 = 0
        var day = first
        var steps = 0
        while day <= last && steps <= Self.maxDays {
            defer { day = day.adding(days: 1); steps += 1 }
            guard workingDays.contains(day.isoWeekday), !holidays.contains(day) else { continue }
            let shiftStart = zone.instant(localDate: day, time: start)
            let shiftEnd = zone.instant(localDate: end > start ? day : day.adding(days: 1), time: end)
            let overlap = min(shiftEnd, to).secondsSinceEpoch - max(shiftStart, from).secondsSinceEpoch
            if overlap > 0 { total += overlap }
        }
        return total
    }

    /// `mon,tue,wed,thu,fri 09:00-18:00 America/Los_Angeles, 2 holidays`.
    package var summary: String { summary(.en) }

    /// ``summary`` for `l`: `周一至周五 09:00-18:00 America/Los_Angeles，节假日 2 天` in Chinese (the days
    /// as written in definitions.yaml stay codes in English, which is how the file spells them).
    package func summary(_ l: DisplayLanguage) -> String {
        let names = l == .zh ? ["周一", "周二", "周三", "周四", "周五", "周六", "周日"] : ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
        let days = (1...7).filter(workingDays.contains).map { names[$0 - 1] }.joined(separator: l.pick(",", "、"))
        let holidayText = holidays.isEmpty ? ""
            : l.pick(", \(holidays.count) holiday\(holidays.count == 1 ? "" : "s")", "，节假日 \(holidays.count) 天")
        return "\(days) \(start.description.prefix(5))-\(end.description.prefix(5)) \(zone.identifier)\(holidayText)"
    }
}
