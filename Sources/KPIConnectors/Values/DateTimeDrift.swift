import KPISchema

/// The forms of a date-time cell that other tools write for the same layout, rewritten to the form the
/// spec's patterns read — only where the meaning cannot change.
///
/// Chinese Excel and ERPs write `2026年10月5日 15:05` for `yyyy-M-d H:mm`, and `2026/10/5 下午 3:05:00` or
/// `2026-10-05 03:05:00 PM` for a 24-hour layout. Year-first 年月日 has one reading; a marker makes the
/// hour unambiguous (a marked hour outside 1–12 is an error, not a guess). Day-first or month-first
/// orders are never inferred.
struct DateTimeDrift {
    /// The cell with 年月日 as `-` and without its AM/PM marker.
    let text: String
    /// The marker the cell carried: true for PM / 下午, false for AM / 上午.
    let pm: Bool?
    /// Whether anything was rewritten, so the cell deserves a second try.
    let changed: Bool

    init(_ cell: String) {
        var s = cell
        var pm: Bool?
        for (marker, isPM) in [("上午", false), ("下午", true), ("凌晨", false), ("晚上", true)] where s.contains(marker) {
            s = s.replacingOccurrences(of: marker, with: " ")
            pm = isPM
        }
        let upper = s.uppercased()
        for (marker, isPM) in [(" AM", false), (" PM", true), ("AM", false), ("PM", true)] where pm == nil && upper.hasSuffix(marker) {
            s.removeLast(marker.count)
            pm = isPM
        }
        if s.contains("年") {
            s = s.replacingOccurrences(of: "年", with: "-").replacingOccurrences(of: "月", with: "-")
                .replacingOccurrences(of: "日", with: " ")
        }
        // One space wherever the rewriting left several, none at the ends.
        let collapsed = s.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
        text = collapsed
        self.pm = pm
        changed = collapsed != cell
    }

    /// The layout of ``excelSerial(_:)``'s text.
    static let serialPattern = try! DateTimePattern("yyyy-MM-dd HH:mm:ss")

    /// `46300.5` as `2026-10-05 12:00:00`: a date column a spreadsheet saved as its day number (the 1900
    /// system, as every CSV-writing Excel uses). Five digits before any fraction — 1927 to 2173 — so a
    /// quantity or an id is never taken for a date.
    static func excelSerial(_ cell: String) -> String? {
        let parts = cell.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2, parts[0].count == 5, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
              let serial = Double(cell) else { return nil }
        return ExcelSerialDate.text(serial: serial, system: .from1900)
    }
}
