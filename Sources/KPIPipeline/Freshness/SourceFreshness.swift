import KPISchema
import KPIStore
import KPIWorkspace

/// `kpibridge freshness`: for each source, the newest file its connector loaded from its folder and
/// whether that is within the source's `fresh_within`, so cron can mail the owner when an export stops
/// arriving instead of the month's numbers quietly missing days.
///
/// Arrival is measured by the load ledger: a re-sent copy of a file already loaded is skipped by its
/// hash and does not count as new data.
package struct SourceFreshness: Sendable {
    package struct Entry: Sendable, Equatable {
        /// The source's `files:` glob and connector, as kpibridge.yaml names them.
        package var files: String
        package var connector: String
        /// `fresh_within`; nil when the source sets none (listed, never judged).
        package var cadence: TimeSpan?
        package var newestFile: String?
        package var newestLoadedAt: Instant?
        /// Seconds from the newest load to `asOf`.
        package var age: Int64?

        /// `inbox/amazon-us/* [amazon.all_orders]`.
        package var name: String { "\(files) [\(connector)]" }

        /// No file within the cadence (or none at all), when a cadence is set.
        package var isStale: Bool {
            guard let cadence else { return false }
            return age.map { $0 > cadence.seconds } ?? true
        }
    }

    package var asOf: Instant
    /// In kpibridge.yaml's order.
    package var entries: [Entry]

    package var stale: [Entry] { entries.filter(\.isStale) }
    /// Sources setting `fresh_within`.
    package var watched: Int { entries.filter { $0.cadence != nil }.count }

    /// Reads the loaded files once (ledger and pruned identities) and files each under the first source
    /// whose glob and connector it matches.
    package static func check(_ pipeline: Pipeline, watching include: (SourceConfig) -> Bool = { _ in true }) throws(PipelineError) -> SourceFreshness {
        let sources = pipeline.workspace.config.sources.filter(include)
        let asOf = pipeline.now()
        var entries = sources.map { source in
            Entry(files: source.files, connector: source.connector, cadence: source.freshWithin.flatMap(TimeSpan.init(parsing:)))
        }
        // Pruned ledger rows leave their identity (and load time) behind: a pruned month still arrived.
        for loaded in try pipeline.storeCall({ try pipeline.store.loadedFiles() }) {
            guard let instant = Instant(iso8601: loaded.loadedAt),
                  let index = sources.firstIndex(where: { $0.connector == loaded.connector && Glob.matches($0.files, loaded.file) }) else { continue }
            if entries[index].newestLoadedAt.map({ instant >= $0 }) ?? true {  // ties: the later in load order
                entries[index].newestLoadedAt = instant
                entries[index].newestFile = loaded.file
            }
        }
        for index in entries.indices {
            entries[index].age = entries[index].newestLoadedAt.map { asOf.secondsSinceEpoch - $0.secondsSinceEpoch }
        }
        return SourceFreshness(asOf: asOf, entries: entries)
    }
}
