import Foundation
import KPISchema

/// Typed reads of a row from ``SQLSession``, failing with ``CorruptValueError`` on a value kpibridge
/// never writes (a database edited by hand), instead of trapping.
extension Array where Element == TableValue {
    package func text(_ index: Int) throws -> String {
        guard let text = try optionalText(index) else { throw CorruptValueError(value: "NULL", expected: "text") }
        return text
    }

    package func optionalText(_ index: Int) throws -> String? {
        switch self[index] {
        case .null: return nil
        case .text(let v): return v
        case .integer(let v): return String(v)
        case .real(let v): return String(v)
        }
    }

    package func int64(_ index: Int) throws -> Int64 {
        guard let value = try optionalInt64(index) else { throw CorruptValueError(value: "NULL", expected: "an integer") }
        return value
    }

    package func optionalInt64(_ index: Int) throws -> Int64? {
        switch self[index] {
        case .null: return nil
        case .integer(let v): return v
        case .text(let v):
            guard let value = Int64(v) else { throw CorruptValueError(value: v, expected: "an integer") }
            return value
        case .real(let v):
            guard let value = Int64(exactly: v) else { throw CorruptValueError(value: String(v), expected: "an integer") }
            return value
        }
    }

    package func int(_ index: Int) throws -> Int { Int(try int64(index)) }

    package func instant(_ index: Int) throws -> Instant? {
        guard let text = try optionalText(index) else { return nil }
        guard let instant = Instant(iso8601: text) else { throw CorruptValueError(value: text, expected: "an ISO-8601 UTC instant") }
        return instant
    }

    /// A UTC instant column and the zone column beside it.
    package func timestamp(_ index: Int) throws -> Timestamp? {
        try instant(index).map { Timestamp(instant: $0, zone: try optionalText(index + 1) ?? "UTC") }
    }

    package func decimal(_ index: Int) throws -> Decimal {
        let text = try text(index)
        guard let value = Decimal(plain: text) else { throw CorruptValueError(value: text, expected: "a decimal") }
        return value
    }

    package func date(_ index: Int) throws -> CivilDate {
        let text = try text(index)
        guard let date = CivilDate(iso: text) else { throw CorruptValueError(value: text, expected: "a date") }
        return date
    }

    /// The five lineage columns starting at `start`.
    package func lineage(from start: Int) throws -> Lineage {
        Lineage(connector: try text(start), file: try text(start + 1), line: try int(start + 2),
                contentHash: try text(start + 3), runID: try int64(start + 4))
    }
}

/// A stored value that is not in the form kpibridge writes: the database was edited by hand.
package struct CorruptValueError: Error, Sendable, CustomStringConvertible {
    package var value: String
    package var expected: String

    package var description: String { "store holds `\(value)` where \(expected) was written; was the database edited by hand?" }
}
