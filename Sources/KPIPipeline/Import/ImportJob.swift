import Foundation
import KPISchema
import KPIWorkspace

/// `kpibridge import`: load chosen files with one named connector (settings given on the command line win
/// over a matching workspace source's), then refresh the facts.
package struct ImportJob {
    package let pipeline: Pipeline
    package var connector: String
    package var files: [String]
    /// Settings for files whose export does not say: shop, platform, zone, currency, the days a report covers.
    package var shop: String?
    package var platform: String?
    package var timezone: String?
    package var currency: String?
    package var period: String?

    package init(pipeline: Pipeline, connector: String, files: [String], shop: String? = nil, platform: String? = nil,
                 timezone: String? = nil, currency: String? = nil, period: String? = nil) {
        self.pipeline = pipeline
        self.connector = connector
        self.files = files
        self.shop = shop
        self.platform = platform
        self.timezone = timezone
        self.currency = currency
        self.period = period
    }

    /// Loads chosen files with one named connector, then refreshes the fact tables.
    package func run() throws(PipelineError) -> RunReport {
        let workspace = pipeline.workspace
        let id = self.connector
        let connector = try workspace.connector(id)
        let claim = try pipeline.claim("import")
        var planned: [LoadInput] = []
        for file in files {
            let path = URL(fileURLWithPath: file).standardizedFileURL.path
            guard FileManager.default.isReadableFile(atPath: path) else {
                throw .failed(Bilingual("\(file): no such readable file", "\(file)：文件不存在或无法读取"))
            }
            let given = SourceConfig(connector: id, files: file, shop: shop, platform: platform, timezone: timezone,
                                     currency: currency, period: period)
            planned.append((path, connector, try workspace.settings(for: workspace.paths.display(path), given: given)))
        }
        return try Loader(pipeline: pipeline, command: "import", claim: claim).load(try LoadPlanner(pipeline: pipeline).plan(planned))
    }
}

extension Pipeline {
    /// Runs ``ImportJob`` on this workspace and store.
    package func importFiles(connector id: String, files: [String], shop: String? = nil, platform: String? = nil,
                            timezone: String? = nil, currency: String? = nil, period: String? = nil) throws(PipelineError) -> RunReport {
        try ImportJob(pipeline: self, connector: id, files: files, shop: shop, platform: platform, timezone: timezone, currency: currency,
                      period: period).run()
    }
}
