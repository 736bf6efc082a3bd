/// What attaching carrier scans to orders by tracking number did in one run.
package struct TrackingAttachment: Sendable, Hashable {
    /// Order events written or moved by this run's attachment (an earlier parcel's scan, a new link).
    package var eventsChanged: Int
    /// Orders with at least one event from a scan attached by tracking number, in the whole store.
    package var ordersAttached: Int
    /// Tracking numbers with scans that no record with an order id names yet; counted nowhere.
    package var unlinkedNumbers: Int
    /// Scans dated before their linked order was bought: not that order's parcel (a reused or mistyped
    /// number), so not attached.
    package var scansBeforePurchase: Int

    package init(eventsChanged: Int = 0, ordersAttached: Int = 0, unlinkedNumbers: Int = 0, scansBeforePurchase: Int = 0) {
        self.eventsChanged = eventsChanged
        self.ordersAttached = ordersAttached
        self.unlinkedNumbers = unlinkedNumbers
        self.scansBeforePurchase = scansBeforePurchase
    }
}
