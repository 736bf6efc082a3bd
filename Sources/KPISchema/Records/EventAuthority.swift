/// How close a source stands to the parcel, which decides whose time a fulfillment event keeps.
///
/// Events carry no version, so "the file loaded last wins" would let a re-sent ERP export undo the
/// carrier's scans. Instead a source may replace an event only when it stands at least as close to
/// the parcel as the one that set it; among sources of the same standing the later file wins, so a
/// corrected scan still moves a shipment.
package enum EventAuthority: String, Sendable, Codable, CaseIterable, Comparable {
    /// A storefront or marketplace order export: fulfilment as the shop was told about it.
    case storefront
    /// An ERP (店小秘, 马帮, 领星): labels bought and outbound as the ERP recorded them.
    case erp
    /// The warehouse's own outbound records (WMS, 海外仓).
    case warehouse
    /// A carrier's or label broker's tracking feed: the scans themselves.
    case carrier

    /// The stored rank: a higher rank may replace a lower one, never the reverse.
    package var rank: Int {
        switch self {
        case .storefront: 1
        case .erp: 2
        case .warehouse: 3
        case .carrier: 4
        }
    }

    package init?(rank: Int) {
        guard let found = Self.allCases.first(where: { $0.rank == rank }) else { return nil }
        self = found
    }

    package static func < (lhs: Self, rhs: Self) -> Bool { lhs.rank < rhs.rank }
}
