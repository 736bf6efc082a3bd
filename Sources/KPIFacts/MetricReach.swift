import KPISchema

/// Which fields of a plain-data kind feed which metrics, so that a file whose layout lacks them is named.
///
/// A help-desk export with admin-chosen columns can load every ticket and still feed no metric (no first
/// reply time, no rating); the records are right, but a scorecard would show "no data" with nobody told why.
/// Each group lists the fields of which any one suffices (a reply's time or its elapsed minutes).
package enum MetricReach {
    private static let groups: [FlatKind: [(fields: [String], metrics: [MetricID])]] = [
        .ticket: [
            (["first_reply_at", "first_reply_minutes"], [.firstResponseHours, .slaResponseRate]),
            (["csat"], [.csat]),
            // Worse than not fed: the scope's rate is absent while one of its tickets' tags is unknown.
            (["tags"], [.complaintRate]),
        ],
        .inventorySnapshot: [(["system_quantity", "counted_quantity"], [.stockoutRate])],
        .review: [(["handled_at"], [.negativeReviewHandleHours])],
        .task: [(["delivered_at"], [.taskOnTimeRate])],
    ]

    /// The metrics a file of `kind` cannot feed when only the fields in `present` can have values, each with
    /// the fields that would feed it.
    package static func unreachable(kind: FlatKind, present: Set<String>) -> [(metrics: [MetricID], fields: [String])] {
        (groups[kind] ?? []).filter { group in !group.fields.contains(where: present.contains) }
            .map { ($0.metrics, $0.fields) }
    }
}
