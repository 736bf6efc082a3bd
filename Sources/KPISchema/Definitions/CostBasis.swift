/// What a unit sold cost: the purchase price (采购成本), or that plus inbound freight per unit (头程),
/// the landed cost finance uses.
package enum CostBasis: String, Sendable, CaseIterable {
    case purchase
    case landed
}
