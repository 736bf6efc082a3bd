import Foundation
import KPISchema
import KPIStore
import PostgresNIO

extension PostgresRow {
    /// The row as the store logic reads it. NUMERIC values become integers when whole and doubles
    /// otherwise, as SQLite's NUMERIC affinity stores them, so exports from either store are the same bytes.
    func tableValues() throws -> [TableValue] {
        try map { cell in
            guard cell.bytes != nil else { return .null }
            switch cell.dataType {
            case .int8, .int4, .int2:
                return .integer(try cell.decode(Int64.self))
            case .numeric:
                let value = Double(try cell.decode(Decimal.self).plainString) ?? .nan
                return Int64(exactly: value).map(TableValue.integer) ?? .real(value)
            case .float8, .float4:
                return .real(try cell.decode(Double.self))
            case .bool:
                return .integer(try cell.decode(Bool.self) ? 1 : 0)
            case .date:
                // A view's `date()` column: the same `YYYY-MM-DD` text SQLite gives.
                let seconds = Int(try cell.decode(Date.self).timeIntervalSince1970.rounded(.down))
                return .text(CivilDate(daysSinceEpoch: seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400).description)
            default:
                return .text(try cell.decode(String.self))
            }
        }
    }
}
