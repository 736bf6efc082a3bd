import KPISchema

/// An order and the copy of it another channel holds, as a source's `same_order:` rule read them.
package struct OrderTwin: Sendable, Hashable {
    /// The order whose tag or note names the copy.
    package var order: OrderKey
    /// The copy it names.
    package var twin: OrderKey
    /// Whether the store holds the copy (only then is one of the two left out).
    package var twinLoaded: Bool

    package init(order: OrderKey, twin: OrderKey, twinLoaded: Bool) {
        self.order = order
        self.twin = twin
        self.twinLoaded = twinLoaded
    }
}
