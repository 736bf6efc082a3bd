/// An instant together with the zone the source wrote it in, so lineage keeps what the export said.
package struct Timestamp: Sendable, Hashable, Codable {
    package var instant: Instant
    /// The source's zone: an IANA name, an offset such as `+08:00`, or `UTC`.
    package var zone: String

    package init(instant: Instant, zone: String) {
        self.instant = instant
        self.zone = zone
    }
}
