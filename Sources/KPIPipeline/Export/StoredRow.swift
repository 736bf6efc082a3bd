import Foundation
import KPISchema
import KPIStore

/// One row from ``WarehouseStore/scan(_:_:)`` read by column name, with typed accessors.
///
/// Reading through `scan` keeps the report working on any store that can export a table.
package struct StoredRow {
    private let values: [String: TableValue]

    package init(_ table: StoreTable, _ row: [TableValue]) {
        values = Dictionary(uniqueKeysWithValues: zip(table.columns, row))
    }

    package func text(_ column: String) -> String? {
        switch values[column] {
        case .null?, nil: nil
        case let value?: CellText.plain(value)
        }
    }

    /// A sentence stored in `column` (English) and `column_zh`; the English stands in for a Chinese one
    /// not written yet (a row from before store schema v20).
    package func bilingual(_ column: String) -> Bilingual? {
        text(column).map { en in Bilingual(en, values.chinese(column, for: .zh) ?? en) }
    }

    /// The text, or "" for null (columns declared NOT NULL).
    package func string(_ column: String) -> String { text(column) ?? "" }

    package func decimal(_ column: String) -> Decimal? { text(column).flatMap { Decimal(plain: $0) } }

    package func int(_ column: String) -> Int? {
        if case .integer(let value)? = values[column] { return Int(value) }
        return text(column).flatMap { Int($0) }
    }

    package func date(_ column: String) -> CivilDate? { text(column).flatMap { CivilDate(iso: $0) } }

    package func grain(_ column: String = "grain") -> Grain? { text(column).flatMap(Grain.init(rawValue:)) }

    package func scope(_ column: String = "scope_type") -> ScopeType? { text(column).flatMap(ScopeType.init(rawValue:)) }
}
