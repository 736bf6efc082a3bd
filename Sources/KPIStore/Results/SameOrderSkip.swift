import KPISchema

/// An order the metric pass leaves out because its copy in another channel counts instead.
package struct SameOrderSkip: Sendable, Hashable, Comparable {
    package var order: OrderKey
    package var countedAs: OrderKey

    package init(order: OrderKey, countedAs: OrderKey) {
        self.order = order
        self.countedAs = countedAs
    }

    package static func < (a: SameOrderSkip, b: SameOrderSkip) -> Bool {
        (a.order.platform, a.order.orderID) < (b.order.platform, b.order.orderID)
    }
}
