/// Whether "sales" deducts refunds: the China team reports gross, the US team net.
package enum SalesBasis: String, Sendable, Codable, CaseIterable {
    /// Ordered value; refunds are not deducted.
    case gross
    /// Ordered value less refunds issued in the same period.
    case net
}
