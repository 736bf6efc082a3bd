/// An instant together with the zone the source wrote it in, so lineage keeps what the export said.
public struct Timestamp: Sendable, Hashable, Codable {
    public var instant: Instant
    /// The source's zone: an IANA name, an offset such as `+08:00`, or `UTC`.
    public var zone: String

    public init(instant: Instant, zone: String) {
        self.instant = instant
        self.zone = zone
    }
}
