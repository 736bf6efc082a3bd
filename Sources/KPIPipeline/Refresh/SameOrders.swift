import KPISchema
import KPIStore
import KPIWorkspace

/// Which orders the metric pass leaves out because the same sale is stored under another channel too
/// (a TikTok order an app copied into Shopify, tagged with its TikTok id).
///
/// Settled from the whole store at each refresh: a copy is left out only when the order its rule says
/// counts is stored, so until both copies have arrived the one that has counts — the sale is never
/// counted twice and never lost. Orders whose counting changed since the last refresh are marked for it,
/// so an incremental refresh recomputes exactly their periods.
package struct SameOrders: Sendable {
    /// The orders left out, each counted as the copy it names or is named by.
    package let skipped: Set<OrderKey>
    package let summary: Summary

    /// What a refresh did with orders named in two channels, for the run summary.
    package struct Summary: Sendable, Hashable {
        /// Sales stored under two channels, counted once.
        package var countedOnce = 0
        /// Orders naming a copy the store does not hold yet: counted where they are.
        package var awaitingCopy = 0
        /// Orders whose counting changed since the last refresh.
        package var changed = 0
        /// Per rule whose source has orders loaded before the rule (never read for tags): the rule's files
        /// and how many orders.
        package var loadedBeforeRule: [String: Int] = [:]
        /// Links between channels no rule decides any more (the rule was removed): both copies count.
        package var undecided = 0

        package init() {}
    }

    /// Reads the links, decides each by the workspace's rules, and records the outcome in the store.
    package static func settle(workspace: Workspace, store: any RecordStore & FactStore, runID: Int64) throws -> SameOrders {
        let policy = workspace.sameOrderPolicy
        var summary = Summary()
        var skips: [SameOrderSkip] = []
        for link in try store.orderTwins() {
            guard link.twinLoaded else { summary.awaitingCopy += 1; continue }
            guard let countsIn = policy.countsIn(link.order.platform, link.twin.platform) else { summary.undecided += 1; continue }
            summary.countedOnce += 1
            skips.append(countsIn == link.twin.platform ? SameOrderSkip(order: link.order, countedAs: link.twin)
                                                        : SameOrderSkip(order: link.twin, countedAs: link.order))
        }
        summary.changed = try store.settleSameOrders(skips, runID: runID)
        for rule in policy.rules {
            let count = try store.ordersWithoutTwinRow(platform: rule.own, connector: rule.connector)
            if count > 0 { summary.loadedBeforeRule[rule.files, default: 0] += count }
        }
        return SameOrders(skipped: Set(skips.map(\.order)), summary: summary)
    }
}
