import KPISchema
import KPIStore
import KPIWorkspace

/// Which orders the metric pass leaves out because the same sale is stored under another channel too
/// (a TikTok order an app copied into Shopify, tagged with its TikTok id).
///
/// Settled from the whole store at each refresh, per group of orders the loaded links join (one sale):
/// exactly one order of the group counts — one on the channel its rule's `counts_in` names — and every
/// other is left out, so a sale tagged twice (an app that synced a TikTok order into two Shopify orders)
/// still counts once. A link whose copy is not stored yet leaves both where they are, so until both have
/// arrived the sale counts where it is: never twice, never lost. Orders whose counting changed since the
/// last refresh are marked for it, so an incremental refresh recomputes exactly their periods.
package struct SameOrders: Sendable {
    /// The orders left out, each counted as the copy it names or is named by.
    package let skipped: Set<OrderKey>
    package let summary: Summary

    /// What a refresh did with orders named in two channels, for the run summary.
    package struct Summary: Sendable, Hashable {
        /// Sales stored under two channels (or more orders), counted once.
        package var countedOnce = 0
        /// Of those, sales that more than one order of the counting channel names: one is counted (the
        /// first by id), the others are left out with the copy.
        package var severalCopies = 0
        /// Orders naming a copy the store does not hold yet: counted where they are.
        package var awaitingCopy = 0
        /// Orders whose counting changed since the last refresh.
        package var changed = 0
        /// Per rule whose source has orders loaded before the rule (never read for tags): the rule's files
        /// and how many orders.
        package var loadedBeforeRule: [String: Int] = [:]
        /// Channels a rule names that the store holds no order of (a misspelt `platform:`, or exports not
        /// loaded yet): every copy naming them counts where it is.
        package var emptyChannels: [String] = []
        /// Sales whose copies no single rule decides (the rule was removed, or the copies span three
        /// channels): every copy counts.
        package var undecided = 0

        package init() {}
    }

    /// Reads the links, decides each group by the workspace's rules, and records the outcome in the store.
    package static func settle(workspace: Workspace, store: any RecordStore & FactStore, runID: Int64) throws -> SameOrders {
        let policy = workspace.sameOrderPolicy
        var summary = Summary()
        var links: [(OrderKey, OrderKey)] = []
        for link in try store.orderTwins() {
            if link.twinLoaded { links.append((link.order, link.twin)) } else { summary.awaitingCopy += 1 }
        }
        var skips: [SameOrderSkip] = []
        for group in Self.groups(links) {
            let platforms = Array(Set(group.map(\.platform)))
            guard platforms.count == 2, let countsIn = policy.countsIn(platforms[0], platforms[1]) else {
                summary.undecided += 1
                continue
            }
            // The group holds both channels, so the counting one has at least one order.
            let candidates = group.filter { $0.platform == countsIn }
            let counted = candidates[0]  // groups are sorted: the first by id
            summary.countedOnce += 1
            if candidates.count > 1 { summary.severalCopies += 1 }
            for order in group where order != counted { skips.append(SameOrderSkip(order: order, countedAs: counted)) }
        }
        summary.changed = try store.settleSameOrders(skips, runID: runID)
        for rule in policy.rules {
            let count = try store.ordersWithoutTwinRow(platform: rule.own, connector: rule.connector, shop: rule.shop)
            if count > 0 { summary.loadedBeforeRule[rule.files, default: 0] += count }
        }
        for channel in Set(policy.rules.map(\.other)).sorted() where try store.orderCount(platform: channel) == 0 {
            summary.emptyChannels.append(channel)
        }
        return SameOrders(skipped: Set(skips.map(\.order)), summary: summary)
    }

    /// The orders the links join, group by group (connected components), each sorted, in key order.
    static func groups(_ links: [(OrderKey, OrderKey)]) -> [[OrderKey]] {
        var parent: [OrderKey: OrderKey] = [:]
        func root(_ key: OrderKey) -> OrderKey {
            var key = key
            while let up = parent[key], up != key { key = up }
            return key
        }
        for (a, b) in links {
            if parent[a] == nil { parent[a] = a }
            if parent[b] == nil { parent[b] = b }
            let (ra, rb) = (root(a), root(b))
            if ra != rb { parent[max(ra, rb)] = min(ra, rb) }
        }
        var groups: [OrderKey: [OrderKey]] = [:]
        for key in parent.keys { groups[root(key), default: []].append(key) }
        return groups.keys.sorted().map { groups[$0]!.sorted() }
    }
}
