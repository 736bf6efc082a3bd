import KPIFacts
import KPIStore

/// What `kpibridge --version` prints: the release, and the two versions that decide whether stored
/// numbers are comparable — the metric formulas and the store schema.
package enum ProductVersion {
    /// The release; raised with every tagged build.
    package static let release = "0.9.0"

    package static var description: String {
        "kpibridge \(release) (metric formulas v\(MetricEngine.formulaVersion), store schema v\(ReferenceSchema.migrationIdentifiers.count))"
    }
}
