import KPISchema

/// An order the metric pass leaves out because its copy in another channel counts instead.
package struct SameOrderSkip: Sendable, Hashable {
    package var order: OrderKey
    package var countedAs: OrderKey

    package init(order: OrderKey, countedAs: OrderKey) {
        self.order = order
        self.countedAs = countedAs
    }
}
