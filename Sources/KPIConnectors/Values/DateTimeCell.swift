import KPISchema

/// Reads a timestamp cell with one of several layouts, in the zone the source writes local times in.
///
/// A cell that carries its own offset keeps it (and lineage records that offset); a cell without one
/// is read in `zone`, which the connector spec or the workspace source must state — never guessed.
package struct DateTimeCell: Sendable, Hashable {
    package var patterns: [DateTimePattern]
    package var zone: Zone

    package init(patterns: [DateTimePattern], zone: Zone) {
        self.patterns = patterns
        self.zone = zone
    }

    package var expected: Bilingual {
        let listed = patterns.map { "`\($0.text)`" }
        let local = !patterns.contains { $0.hasOffset }
        return Bilingual("a time like " + listed.joined(separator: " or ") + (local ? " in \(zone.identifier)" : ""),
                         "形如 " + listed.joined(separator: " 或 ") + " 的时间" + (local ? "（按 \(zone.identifier) 时区）" : ""))
    }

    /// The timestamp, or nil for an empty cell.
    package func parse(_ text: String) throws(CellParseError) -> Timestamp? {
        guard let (f, date) = try match(text, expected: self.expected) else { return nil }
        guard let time = TimeOfDay(hour: f.hour, minute: f.minute, second: f.second) else {
            throw CellParseError(problem: Self.notATime(text), expected: expected)
        }
        if let offset = f.offsetSeconds {
            let instant = Instant(secondsSinceEpoch: Instant(utc: date, time).secondsSinceEpoch - Int64(offset))
            return Timestamp(instant: instant, zone: Zone.offsetName(offset))
        }
        return Timestamp(instant: zone.instant(localDate: date, time: time), zone: zone.identifier)
    }

    /// The first pattern's fields and the real calendar date they name; nil for an empty cell.
    /// `expected` is built only for an error: a message per cell would cost more than the parse.
    ///
    /// A cell a pattern does not take as written is tried once more in the forms that cannot change its
    /// meaning (see ``DateTimeDrift``): 年月日 for a year-first pattern's separators, a 12-hour marker on a
    /// 24-hour pattern, an Excel serial where the source's zone is declared.
    private func match(_ text: String, expected: @autoclosure () -> Bilingual)
        throws(CellParseError) -> (DateTimePattern.Fields, CivilDate)?
    {
        let trimmed = text.trimmingSpaces()
        if trimmed.isEmpty || trimmed == "-" || trimmed == "--" { return nil }
        if let found = try first(trimmed, original: text, expected: expected()) { return found }
        let drift = DateTimeDrift(trimmed)
        if drift.changed, let found = try first(drift.text, original: text, expected: expected(), pm: drift.pm) { return found }
        if patterns.contains(where: { !$0.hasOffset }), let serial = DateTimeDrift.excelSerial(trimmed),
           let found = try first(serial, original: text, expected: expected(), using: [DateTimeDrift.serialPattern]) {
            return found
        }
        throw CellParseError(problem: Bilingual("`\(text)` does not match the date format", "`\(text)` 与日期格式不符"),
                             expected: expected())
    }

    /// The fields of the first of `candidates` (the cell's patterns by default) that takes `text`; with
    /// `pm`, a 12-hour marker the cell carried, applied to patterns that write the hour 0–23.
    private func first(_ text: String, original: String, expected: @autoclosure () -> Bilingual, pm: Bool? = nil,
                       using candidates: [DateTimePattern]? = nil) throws(CellParseError) -> (DateTimePattern.Fields, CivilDate)? {
        for pattern in candidates ?? patterns {
            if pm != nil, pattern.hasMarker { continue }
            guard var f = pattern.match(text) else { continue }
            if let pm {
                guard (1...12).contains(f.hour) else {
                    throw CellParseError(problem: Self.notATime(original), expected: expected())
                }
                f.hour = f.hour % 12 + (pm ? 12 : 0)
            }
            guard let date = CivilDate(year: f.year, month: f.month, day: f.day) else {
                throw CellParseError(problem: Bilingual("`\(original)` is not a real calendar date", "`\(original)` 不是真实存在的日期"),
                                     expected: expected())
            }
            return (f, date)
        }
        return nil
    }
}

extension DateTimeCell {
    /// The calendar date as written, or nil for an empty cell; a time part, if any, is ignored.
    package func parseDate(_ text: String) throws(CellParseError) -> CivilDate? {
        try match(text, expected: dateExpected)?.1
    }

    var dateExpected: Bilingual {
        let listed = patterns.map { "`\($0.text)`" }
        return Bilingual("a date like " + listed.joined(separator: " or "), "形如 " + listed.joined(separator: " 或 ") + " 的日期")
    }

    static func notATime(_ text: String) -> Bilingual {
        Bilingual("`\(text)` is not a real time of day", "`\(text)` 不是有效的时刻")
    }
}

extension String {
    func trimmingSpaces() -> String {
        var s = Substring(self)
        while let c = s.first, c == " " || c == "\t" { s.removeFirst() }
        while let c = s.last, c == " " || c == "\t" { s.removeLast() }
        return String(s)
    }
}
