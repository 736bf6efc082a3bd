import Foundation
import KPIFacts
import KPISchema
import KPIWorkspace

/// `kpibridge reconcile`: one metric under two profiles for one period and scope, with every record
/// behind the difference.
package struct ReconcileJob {
    package let pipeline: Pipeline
    package var metric: String
    /// Two profile names (`cn,us`); nil takes the first pair definitions.yaml compares.
    package var profiles: String?
    package var period: Period
    /// `company`, `platform:ID` or `shop:ID`.
    package var scope: String

    package init(pipeline: Pipeline, metric: String, profiles: String?, period: Period, scope: String) {
        self.pipeline = pipeline
        self.metric = metric
        self.profiles = profiles
        self.period = period
        self.scope = scope
    }

    /// The profiles compared: the two named, else the first pair definitions.yaml lists; nil when the
    /// workspace has fewer than two profiles.
    package var pair: ProfilePair? {
        if let profiles {
            let names = profiles.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            return ProfilePair(names[0], names[1])
        }
        return pipeline.workspace.definitions.pairs.first
    }

    /// Reads the two values and the differing records from the store.
    package func run(pair: ProfilePair) throws(PipelineError) -> ReconcileReport {
        guard let scoped = ReconcileReport.scope(scope) else {
            throw .usage(Bilingual("--scope `\(scope)` is not company, platform:ID or shop:ID",
                                   "--scope `\(scope)` 不是 `company`、`platform:ID` 或 `shop:ID`"))
        }
        return try ReconcileReport.load(
            .init(metric: metric, pair: pair, period: period, scopeType: scoped.0, scopeID: scoped.1),
            store: pipeline.store, detailGrains: pipeline.workspace.definitions.detailGrains)
    }
}
