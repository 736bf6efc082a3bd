import Foundation

/// A typed value of one flat record field.
package enum FlatValue: Sendable, Hashable {
    case text(String)
    case integer(Int)
    case decimal(Decimal)
    case timestamp(Timestamp)
    case date(CivilDate)

    /// The text the store keeps for key columns and plain columns alike.
    package var storageText: String {
        switch self {
        case .text(let v): v
        case .integer(let v): String(v)
        case .decimal(let v): v.plainString
        case .timestamp(let v): v.instant.iso8601
        case .date(let v): v.description
        }
    }
}
