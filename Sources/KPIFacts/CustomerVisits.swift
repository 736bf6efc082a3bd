import KPISchema

/// Who bought on which day, per scope, under one profile version: what `repurchase_rate` and
/// `retention_rate` are computed from.
///
/// These two are not sums a period's cell can keep — whether a buyer came back depends on orders outside
/// the period — so one small entry per keyed order and scope is kept, buyers interned to numbers. Orders
/// without a buyer key are counted per scope and day only: a window holding any has no rate, because the
/// share of buyers who came back cannot be known while some buyers cannot be told apart.
struct CustomerVisits {
    /// One counted order of a known buyer: the buyer's number and the day (days since 1970-01-01).
    struct Visit {
        var customer: Int32
        var day: Int32
    }

    /// One scope's orders.
    struct ScopeVisits {
        var visits: [Visit] = []
        /// Days with counted orders whose buyer is unknown, and how many.
        var unkeyed: [Int32: Int] = [:]
    }

    private struct ScopeKey: Hashable {
        var type: ScopeType
        var id: String
    }

    private var index: [ScopeKey: Int] = [:]
    private(set) var scopes: [(type: ScopeType, id: String)] = []
    private(set) var byScope: [ScopeVisits] = []
    private var customers: [String: Int32] = [:]

    /// Whether any order carried a buyer key.
    var anyKeyed: Bool { !customers.isEmpty }

    /// Adds one counted order, bought on `day` by `customer` (nil when unknown), to each of `scopes`.
    mutating func add(customer: String?, day: CivilDate, scopes orderScopes: [(ScopeType, String)]) {
        let number: Int32? = customer.map { key in
            if let known = customers[key] { return known }
            let next = Int32(customers.count)
            customers[key] = next
            return next
        }
        let dayNumber = Int32(day.daysSinceEpoch)
        for (type, id) in orderScopes {
            let key = ScopeKey(type: type, id: id)
            let slot: Int
            if let known = index[key] {
                slot = known
            } else {
                slot = byScope.count
                index[key] = slot
                scopes.append((type, id))
                byScope.append(ScopeVisits())
            }
            if let number {
                byScope[slot].visits.append(Visit(customer: number, day: dayNumber))
            } else {
                byScope[slot].unkeyed[dayNumber, default: 0] += 1
            }
        }
    }
}

/// One period's buyer counts in one scope, as the two rates need them.
struct CustomerCounts {
    /// Distinct buyers with an order in the trailing window, those with two or more, and the window's orders.
    var windowBuyers = 0
    var repeatBuyers = 0
    var windowOrders = 0
    /// Buyers of the previous period, those of them who bought again in this one, and the two periods' orders.
    var previousBuyers = 0
    var returningBuyers = 0
    var retentionOrders = 0
    /// Whether an order of unknown buyer falls in the window, or in this or the previous period.
    var windowUnkeyed = false
    var retentionUnkeyed = false
    /// The window's last day: the period's, or the run's day while the period is under way.
    var windowEnd = CivilDate(daysSinceEpoch: 0)
}

extension CustomerVisits.ScopeVisits {
    /// Counts for each period of `grain` holding an order of this scope, in time order, the window of
    /// `windowDays` ending on each period's last day (or `today`, while it is under way).
    func counts(grain: Grain, windowDays: Int?, today: CivilDate?) -> [(period: Period, counts: CustomerCounts)] {
        let visits = self.visits.sorted { $0.day < $1.day }
        let unkeyedDays = unkeyed.keys.sorted()
        var periodSet: Set<Period> = []
        for visit in visits { periodSet.insert(grain.period(containing: CivilDate(daysSinceEpoch: Int(visit.day)))) }
        for day in unkeyedDays { periodSet.insert(grain.period(containing: CivilDate(daysSinceEpoch: Int(day)))) }
        let periods = periodSet.sorted { $0.start < $1.start }

        // Buyers and orders per period, for retention.
        var buyers: [Period: Set<Int32>] = [:]
        var orders: [Period: Int] = [:]
        for visit in visits {
            let period = grain.period(containing: CivilDate(daysSinceEpoch: Int(visit.day)))
            buyers[period, default: []].insert(visit.customer)
            orders[period, default: 0] += 1
        }
        func hasUnkeyed(_ first: Int32, _ last: Int32) -> Bool {
            // Binary search for the first unknown-buyer day on or after `first`.
            var low = 0, high = unkeyedDays.count
            while low < high {
                let mid = (low + high) / 2
                if unkeyedDays[mid] < first { low = mid + 1 } else { high = mid }
            }
            return low < unkeyedDays.count && unkeyedDays[low] <= last
        }

        var out: [(Period, CustomerCounts)] = []
        var inWindow: [Int32: Int] = [:]
        var low = 0, high = 0, repeats = 0
        for period in periods {
            var counts = CustomerCounts()
            let end = Int32(min(period.end, today.map { max($0, period.start) } ?? period.end).daysSinceEpoch)
            counts.windowEnd = CivilDate(daysSinceEpoch: Int(end))
            if let windowDays {
                // The window only moves forward as periods do: each order enters and leaves it once.
                let start = end - Int32(windowDays) + 1
                while high < visits.count, visits[high].day <= end {
                    inWindow[visits[high].customer, default: 0] += 1
                    if inWindow[visits[high].customer] == 2 { repeats += 1 }
                    high += 1
                }
                while low < high, visits[low].day < start {
                    let left = inWindow[visits[low].customer]! - 1
                    if left == 1 { repeats -= 1 }
                    inWindow[visits[low].customer] = left == 0 ? nil : left
                    low += 1
                }
                counts.windowBuyers = inWindow.count
                counts.repeatBuyers = repeats
                counts.windowOrders = high - low
                counts.windowUnkeyed = hasUnkeyed(start, end)
            }
            let previous = period.previous
            let before = buyers[previous] ?? []
            counts.previousBuyers = before.count
            counts.returningBuyers = before.intersection(buyers[period] ?? []).count
            counts.retentionOrders = (orders[previous] ?? 0) + (orders[period] ?? 0)
            counts.retentionUnkeyed = hasUnkeyed(Int32(previous.start.daysSinceEpoch), end)
            out.append((period, counts))
        }
        return out
    }
}
