/// File formats a table can be exported in.
package enum ExportFormat: String, Sendable, CaseIterable {
    /// RFC 4180 CSV with a header row; text that a spreadsheet would run as a formula is neutralized.
    case csv
    /// One JSON object per line, keys in column order.
    case jsonl
}
