/// `unpivot:` in a connector spec: a row that carries its amounts side by side, in pairs of columns or
/// one column per kind, yields one record set per filled part.
///
/// Amazon's 36-column settlement flat file writes each money component in its own pair
/// (`price-type`/`price-amount`, `item-related-fee-type`/`item-related-fee-amount`, `misc-fee-amount`…);
/// the ECB's rate history writes one column per currency. Each part whose `value` field is filled becomes
/// a row of its own with the spec's `name` field set to the part's name (from its `name` field, its
/// constant `label` when that field is absent or empty) and the spec's `value` field to its value, and —
/// when the spec names a `group` field — that field to the part's `group` (which pair it came from: a
/// `Principal` in `price-type` is an item price, a `Commission` in `item-related-fee-type` an item fee). A
/// row with no part filled carries no amount and is skipped as non-data. The fields parts fill have
/// `column: []`.
package struct UnpivotSpec: Sendable, Decodable, Hashable {
    /// The field each part's name goes into.
    package var name: String
    /// The field each part's value goes into.
    package var value: String
    /// The field each part's `group` goes into, if the layout's pairs say more than their names do.
    package var group: String?
    package var parts: [Part]

    package struct Part: Sendable, Decodable, Hashable {
        /// The field holding this part's name (`price_type`); or
        package var name: String?
        /// the name itself, for a part whose kind its column already says (`MiscFee`).
        package var label: String?
        /// The field holding this part's value.
        package var value: String
        /// What the spec's `group` field takes for this part.
        package var group: String?
    }
}
