import KPISchema

/// The spans of time each shop's loaded settlements cover.
///
/// A margin after fees may deduct a shop's fees for a period only when the shop's settlements cover every
/// day of it: one settlement of the first half of a month is not the month's fees. Spans are merged, so
/// consecutive settlements (1–15 October, 15–29 October) cover the day they meet on.
struct SettlementCoverage {
    private struct Span: Hashable {
        var from: Int64
        var to: Int64
    }

    private var spans: [String: Set<Span>] = [:]

    mutating func add(shop: String, from: Instant, to: Instant) {
        guard from < to else { return }
        spans[shop, default: []].insert(Span(from: from.secondsSinceEpoch, to: to.secondsSinceEpoch))
    }

    /// Whether `shop`'s settlements cover every instant of the days `first` through `last` in `zone`.
    func covers(shop: String, from first: CivilDate, through last: CivilDate, zone: Zone) -> Bool {
        guard let known = spans[shop] else { return false }
        let start = zone.instant(localDate: first, time: .midnight).secondsSinceEpoch
        let end = zone.instant(localDate: last.adding(days: 1), time: .midnight).secondsSinceEpoch
        var reached = start
        for span in known.sorted(by: { $0.from < $1.from }) where span.to > reached {
            guard span.from <= reached else { return false }
            reached = span.to
            if reached >= end { return true }
        }
        return reached >= end
    }
}
