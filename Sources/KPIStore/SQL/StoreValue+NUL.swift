extension StoreValue {
    /// `text` as both stores keep it: NUL bytes shown as `␀` (U+2400).
    ///
    /// PostgreSQL text cannot hold NUL, and one in a run's message (a hostile file's "headers found"
    /// quoted in it) failed the whole run there — Reliability/hostile.py found it. Records never carry
    /// NUL (a cell holding one is quarantined); messages, reasons and raw rows may. SQLite stores the same
    /// replacement, so both stores export the same bytes.
    package static func storable(_ text: String) -> String {
        text.utf8.contains(0) ? text.replacingOccurrences(of: "\u{0}", with: "\u{2400}") : text
    }
}
