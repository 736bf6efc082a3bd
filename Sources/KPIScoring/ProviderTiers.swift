import Foundation
import KPIFacts
import KPISchema

/// Walks each provider through its closed periods: pass or fail the pool thresholds, then move
/// tier by the consecutive count (probation → pool; pool → warning → downgraded → terminated, and
/// back to the pool after enough passing periods). Terminated is final.
package struct ProviderTiers: Sendable {
    package let policy: ProviderPolicy
    package let inputs: ScoringInputs

    package init(policy: ProviderPolicy, inputs: ScoringInputs) {
        self.policy = policy
        self.inputs = inputs
    }

    /// One row per provider and closed period (its last day before `today`), oldest first.
    package func history(today: CivilDate) -> [ProviderStatusFact] {
        let providers = inputs.roster.latest.filter { $0.role == Attribution.providerRole }
        let periods = inputs.periods(of: policy.grain).filter { $0.end < today }
        var out: [ProviderStatusFact] = []
        for provider in providers {
            var tier: ProviderStatusFact.Tier = policy.probationPeriods > 0 ? .probation : .pool
            var fails = 0, passes = 0
            for period in periods where inputs.roster.people(in: period).contains(where: { $0.id == provider.id }) {
                let before = tier
                var failing: [String] = []
                var checked = 0
                for threshold in policy.thresholds {
                    guard let fact = inputs.fact(period, .provider, provider.id, metric: threshold.metric.rawValue,
                                                 profile: threshold.profile) else { continue }
                    checked += 1
                    if !threshold.passes(fact.value) {
                        failing.append("\(threshold.metric.rawValue) \(fact.value.plainString) \(threshold.atLeast ? "<" : ">") \(threshold.limit.plainString)")
                    }
                }
                let result: ProviderStatusFact.Result = checked == 0 ? .noData : failing.isEmpty ? .pass : .fail
                if tier != .terminated {
                    switch result {
                    case .noData:
                        break
                    case .fail:
                        fails += 1
                        passes = 0
                        tier = next(afterFailing: tier, streak: fails)
                    case .pass:
                        passes += 1
                        fails = 0
                        let needed = tier == .probation ? policy.probationPeriods : policy.recoverAfter
                        if tier != .pool && passes >= needed { tier = .pool }
                    }
                }
                out.append(ProviderStatusFact(provider: provider.id, grain: period.grain, periodStart: period.start,
                                              periodEnd: period.end, before: before, after: tier, result: result,
                                              failing: failing.joined(separator: "; "), consecutiveFails: fails,
                                              consecutivePasses: passes))
            }
        }
        return out
    }

    /// The tier after `streak` consecutive failing periods: never better than the current one.
    private func next(afterFailing tier: ProviderStatusFact.Tier, streak: Int) -> ProviderStatusFact.Tier {
        if streak >= policy.terminateAfter { return .terminated }
        if tier == .probation { return .probation }
        let order: [ProviderStatusFact.Tier] = [.pool, .warning, .downgraded]
        let earned: ProviderStatusFact.Tier = streak >= policy.downgradeAfter ? .downgraded : streak >= policy.warningAfter ? .warning : .pool
        return order.firstIndex(of: earned)! > order.firstIndex(of: tier)! ? earned : tier
    }
}
