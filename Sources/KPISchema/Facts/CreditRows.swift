/// The rows of `record_credits` a refresh produced, streamed from its spool into the store one at a time,
/// each as text in the table's column order (without `run_id`); nil ends them.
package struct CreditRows {
    package let next: () throws -> [String?]?

    package init(next: @escaping () throws -> [String?]?) {
        self.next = next
    }
}
