import Foundation
import KPIConnectors
import KPISchema
import KPIWorkspace

extension Workspace {
    /// Every connector this workspace can use.
    package var connectorListing: ConnectorListing {
        ConnectorListing(catalog: catalog, relativeTo: paths.root)
    }

    /// Ranks the connectors for `file` by header fit (see ``ConnectorBench``).
    package func detect(file: String) throws(PipelineError) -> ConnectorDetectionReport {
        try ConnectorBench(workspace: self).detect(file: file)
    }

    /// Reads `file` with connector `id` without writing anything (see ``ConnectorBench``).
    package func check(connector id: String, file: String, shop: String? = nil, platform: String? = nil,
                      timezone: String? = nil, currency: String? = nil, period: String? = nil) throws(PipelineError) -> ConnectorCheck {
        try ConnectorBench(workspace: self).check(connector: id, file: file, shop: shop, platform: platform, timezone: timezone,
                                                  currency: currency, period: period)
    }
}
