import Foundation
import KPIConnectors
import KPIFacts
import KPISchema
import KPIStore
import KPIWorkspace
import Logging

/// The jobs the CLI offers, over one workspace and one store.
package struct Pipeline: Sendable {
    package let workspace: Workspace
    package let store: any WarehouseStore
    package let storeURL: StoreURL
    /// Where a job reports each file as it works through them, and a long file's row count (the CLI
    /// logs to stderr as text or JSON lines; by default nothing is logged).
    package var logger = Logger(label: "kpibridge") { _ in SwiftLogNoOpLogHandler() }
    /// A long file logs its row count every this many rows.
    package var progressInterval = 100_000
    /// How the user named the workspace and store, for commands the jobs print.
    package var invocation = Invocation()
    /// Set by SIGINT or SIGTERM (the CLI installs the handlers); loading jobs stop at the next safe point.
    package var stop = StopRequest()
    /// The clock that decides which periods are closed and stamps runs and loads (tests fix it).
    package var now: @Sendable () -> Instant = { .now() }

    package init(workspace: Workspace, store: any WarehouseStore, storeURL: StoreURL) {
        self.workspace = workspace
        self.store = store
        self.storeURL = storeURL
    }

    /// Opens `directory`'s workspace and its store (`storeOverride` from `--store` wins) as `access` allows.
    package init(directory: String, storeOverride: String? = nil, builtinConnectors: [String],
                access: StoreAccess = .create) throws(PipelineError) {
        let workspace = try Workspace(directory: directory, builtinConnectors: builtinConnectors)
        let url = try workspace.storeURL(override: storeOverride)
        self.init(workspace: workspace, store: try Workspace.openStore(url, access: access), storeURL: url)
    }
}
