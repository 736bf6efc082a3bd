import KPISchema
import Testing

@Suite struct TimeTests {
    @Test func civilDatesRoundTripAndReject() {
        let d = CivilDate(year: 2026, month: 10, day: 31)!
        #expect(CivilDate(daysSinceEpoch: d.daysSinceEpoch) == d)
        #expect(d.isoWeekday == 6)  // Saturday
        #expect(CivilDate(iso: "1970-01-01")!.daysSinceEpoch == 0)
        #expect(CivilDate(year: 2026, month: 2, day: 29) == nil)
        #expect(CivilDate(year: 2028, month: 2, day: 29) != nil)
        #expect(CivilDate(iso: "0000-00-00") == nil)
    }

    @Test func instantsFormatAsUTC() {
        let i = Instant(utc: CivilDate(year: 1969, month: 12, day: 31)!, TimeOfDay(hour: 23, minute: 59, second: 59)!)
        #expect(i.secondsSinceEpoch == -1)
        #expect(i.iso8601 == "1969-12-31T23:59:59Z")
        #expect(Instant(iso8601: "2026-10-31T12:05:00Z")?.iso8601 == "2026-10-31T12:05:00Z")
        #expect(Instant(iso8601: "2026-10-31 12:05:00") == nil)
        #expect(TimeOfDay(hour: 24, minute: 0, second: 0) == nil)
    }

    @Test func zonesCutDaysAndHandleDaylightSaving() {
        let shanghai = Zone("Asia/Shanghai")!, la = Zone("America/Los_Angeles")!
        let labelPrinted = Instant(iso8601: "2026-10-31T12:05:00Z")!
        #expect(shanghai.date(of: labelPrinted).description == "2026-10-31")
        #expect(shanghai.wallClock(of: labelPrinted) == "2026-10-31 20:05")
        let lateEvening = Instant(iso8601: "2026-10-31T16:30:00Z")!
        #expect(shanghai.date(of: lateEvening).description == "2026-11-01")
        #expect(la.date(of: lateEvening).description == "2026-10-31")
        // 01:30 on 1 Nov 2026 happens twice in Los Angeles; the first (PDT, UTC−7) is chosen.
        #expect(la.instant(localDate: CivilDate(iso: "2026-11-01")!, time: TimeOfDay(iso: "01:30:00")!).iso8601 == "2026-11-01T08:30:00Z")
        // 02:30 on 8 Mar 2026 does not exist; the later offset (PDT) applies.
        #expect(la.instant(localDate: CivilDate(iso: "2026-03-08")!, time: TimeOfDay(iso: "02:30:00")!).iso8601 == "2026-03-08T10:30:00Z")
        #expect(Zone("+08:00")!.identifier == "+08:00")
        #expect(Zone("Mars/Olympus") == nil)
    }

    @Test func grainsCutIsoWeeksAndMonths() {
        let sunday = CivilDate(iso: "2026-11-01")!
        #expect(Grain.week.period(containing: sunday) == Period(grain: .week, start: CivilDate(iso: "2026-10-26")!, end: sunday))
        let feb = Grain.month.period(containing: CivilDate(iso: "2028-02-10")!)
        #expect(feb.end.description == "2028-02-29")
        #expect(feb.dayCount == 29)
    }
}
