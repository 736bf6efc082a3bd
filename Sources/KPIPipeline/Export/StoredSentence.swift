import KPISchema
import KPIStore

extension Dictionary where Key == String, Value == TableValue {
    /// The Chinese form of the sentence stored in `column` (its `column_zh`), when `language` is Chinese and
    /// the row has one; nil otherwise (a row from before store schema v20), and the caller reads `column`.
    ///
    /// The one rule every reader of a stored sentence follows: `explain`, `score`, `reconcile` and ``StoredRow``.
    package func chinese(_ column: String, for language: DisplayLanguage?) -> String? {
        guard language == .zh, case .text(let zh)? = self[column + "_zh"], !zh.isEmpty else { return nil }
        return zh
    }
}
