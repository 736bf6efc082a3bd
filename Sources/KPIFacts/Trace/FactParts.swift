import Foundation

/// A metric's value with the parts a ratio or mean is made of, and how many records fed it.
package struct FactParts: Sendable, Hashable {
    package var value: Decimal
    package var numerator: Decimal?
    package var denominator: Decimal?
    package var records: Int
}
