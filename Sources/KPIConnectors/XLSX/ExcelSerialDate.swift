import KPISchema

/// Converts Excel's serial day numbers to wall-clock text, in either of Excel's two date systems.
///
/// Sheets store dates as days since an epoch with the time as the fraction. The 1900 system counts
/// a 29 February 1900 that never was (serial 60), so serials below 61 start a day later.
package enum ExcelSerialDate {
    /// `1900` (Windows default) or `1904` (old Mac workbooks, `<workbookPr date1904="1"/>`).
    package enum System: Sendable { case from1900, from1904 }

    /// The wall-clock text `yyyy-MM-dd HH:mm:ss` for `serial`, nil when it is not a usable date.
    package static func text(serial: Double, system: System) -> String? {
        guard serial.isFinite, serial >= 0, serial < 2_958_466 else { return nil }  // up to 9999-12-31
        var seconds = Int64((serial * 86_400).rounded())
        let epochDays: Int64  // days from 1970-01-01 to the system's day 0
        switch system {
        case .from1904: epochDays = -24_107
        case .from1900:
            epochDays = serial < 61 ? -25_568 : -25_569
            if serial < 1 { return nil }  // 1900-01-00 is Excel's "time only"; no date to give
        }
        seconds += epochDays * 86_400
        let instant = Instant(secondsSinceEpoch: seconds)
        let date = instant.utcDate
        let time = TimeOfDay(secondsSinceMidnight: Int(seconds - Int64(date.daysSinceEpoch) * 86_400))
        return "\(date) \(time)"
    }
}
