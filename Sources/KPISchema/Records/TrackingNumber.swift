/// How a parcel's tracking number is compared between the export that names its order and the feed that
/// scans it: exports write `1z999aa1 0123 456784` or `1Z999AA10123456784` for one parcel.
package enum TrackingNumber {
    /// Upper case, without white space; nil when nothing is left.
    package static func normalized(_ text: String) -> String? {
        let kept = text.uppercased().filter { !$0.isWhitespace }
        return kept.isEmpty ? nil : kept
    }
}
