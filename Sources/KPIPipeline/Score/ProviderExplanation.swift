import Foundation
import KPIScoring
import KPISchema
import KPIStore
import KPIWorkspace

/// `explain --provider`: why a service provider (代运营) stands where it does after a period — each pool
/// threshold with the provider's value, the result, the tier before and after, and what the ladder does next.
package struct ProviderExplanation: Sendable {
    /// One threshold as the period met it.
    package struct Check: Sendable {
        package var threshold: ProviderPolicy.Threshold
        /// The provider's fact; nil when it had no data (the threshold is then not counted).
        package var value: Decimal?
        package var records: Int?
        package var passes: Bool? { value.map(threshold.passes) }
    }

    package var provider: String
    package var name: String
    package var period: Period
    package var policy: ProviderPolicy
    package var before: String
    package var after: String
    /// `pass`, `fail` or `no_data`.
    package var result: String
    package var consecutiveFails: Int
    package var consecutivePasses: Int
    package var review: Bilingual?
    package var checks: [Check]

    /// The stored `provider_status` row of `provider` for `period`, with the facts its thresholds read.
    package static func load(_ pipeline: Pipeline, provider: String, period: Period) throws(PipelineError) -> ProviderExplanation {
        let workspace = pipeline.workspace
        guard let policy = workspace.scoring?.policy.providers else {
            throw .failed(Bilingual("\(workspace.scoringName) has no `providers:` section: there is no provider ladder to explain",
                                    "\(workspace.scoringName) 没有 `providers:` 段：没有可说明的服务商分级"))
        }
        guard period.grain == policy.grain else {
            throw .usage(Bilingual("providers are rated by \(policy.grain.rawValue): give --period as one",
                                   "服务商按\(DisplayNames.grain(policy.grain.rawValue, .zh))评级：请给出对应的 --period"))
        }
        do {
            var row: StoredRow?
            var known: Set<String> = []
            try pipeline.store.scan(.providerStatus) { values in
                let stored = StoredRow(.providerStatus, values)
                known.insert(stored.string("provider"))
                if stored.string("provider") == provider, stored.string("grain") == period.grain.rawValue,
                   stored.string("period_start") == period.start.description { row = stored }
            }
            guard let row else {
                throw PipelineError.failed(Bilingual(
                    "provider_status has no \(period.label) row for `\(provider)`; providers rated: \(known.sorted().joined(separator: ", "))",
                    "provider_status 中没有 `\(provider)` 在 \(period.label) 的记录；已评级的服务商：\(known.sorted().joined(separator: "、"))"))
            }
            let facts = try pipeline.store.factMetrics().filter {
                $0.grain == period.grain && $0.periodStart == period.start && $0.scopeType == .provider && $0.scopeID == provider
            }
            let checks = policy.thresholds.map { threshold in
                let fact = facts.first { $0.metric == threshold.metric.rawValue && $0.profile == threshold.profile }
                return Check(threshold: threshold, value: fact?.value, records: fact?.recordCount)
            }
            let name = Roster(try ScoreRefresh.roster(pipeline.store)).latest.first { $0.id == provider }?.name ?? provider
            return ProviderExplanation(provider: provider, name: name, period: period, policy: policy, before: row.string("status_before"),
                                       after: row.string("status_after"), result: row.string("result"),
                                       consecutiveFails: row.int("consecutive_fails") ?? 0, consecutivePasses: row.int("consecutive_passes") ?? 0,
                                       review: row.bilingual("review"), checks: checks)
        } catch let error as PipelineError {
            throw error
        } catch {
            throw .failed(Bilingual("store \(pipeline.storeURL): \(error)", "存储 \(pipeline.storeURL)：\(error)"))
        }
    }
}
