/// A stored value as exporters see it, independent of the database.
package enum TableValue: Sendable, Hashable {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)
}
