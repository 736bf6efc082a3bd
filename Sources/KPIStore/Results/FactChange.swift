/// A fact row a run changed or removed, as `fact_changes` logs it.
package struct FactChange: Sendable, Hashable {
    /// `updated` or `removed`.
    package var change: String
    /// grain, period_start, scope_type, scope_id, metric, profile.
    package var key: [String]
    package var oldValue: String?
    package var newValue: String?
    package var oldDefinition: String?
    package var newDefinition: String?

    package init(change: String, key: [String], oldValue: String?, newValue: String?, oldDefinition: String?, newDefinition: String?) {
        self.change = change
        self.key = key
        self.oldValue = oldValue
        self.newValue = newValue
        self.oldDefinition = oldDefinition
        self.newDefinition = newDefinition
    }
}
