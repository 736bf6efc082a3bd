import Foundation
import KPISchema

/// A typed value read from one cell.
enum FieldValue: Sendable, Hashable {
    case text(String)
    case integer(Int)
    /// Decimals, and durations in minutes.
    case decimal(Decimal)
    case timestamp(Timestamp)
    case date(CivilDate)

    var text: String? { if case .text(let v) = self { v } else { nil } }
    var integer: Int? { if case .integer(let v) = self { v } else { nil } }
    var decimal: Decimal? { if case .decimal(let v) = self { v } else { nil } }
    var timestamp: Timestamp? { if case .timestamp(let v) = self { v } else { nil } }
    var date: CivilDate? { if case .date(let v) = self { v } else { nil } }
}
