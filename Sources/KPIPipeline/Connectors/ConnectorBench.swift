import Foundation
import KPIConnectors
import KPISchema
import KPIWorkspace

/// Where `connectors detect` and `connectors check` find their connectors and source settings: a
/// workspace, or outside one the built-in connectors alone — so a seller can ask "what is this file?"
/// before writing any configuration.
package struct ConnectorBench {
    let catalog: ConnectorCatalog
    let paths: WorkspacePath
    /// Its sources' settings apply to a file they name; nil outside a workspace.
    let workspace: Workspace?

    package init(workspace: Workspace) {
        catalog = workspace.catalog
        paths = workspace.paths
        self.workspace = workspace
    }

    /// The bench of `directory`'s workspace, or of the built-in connectors when the folder has no
    /// kpibridge.yaml and none was asked for (`explicit` false: `--workspace` not given).
    package static func forDirectory(_ directory: String, explicit: Bool, builtinConnectors: [String]) throws(PipelineError) -> ConnectorBench {
        let config = (directory as NSString).appendingPathComponent(Workspace.configFile)
        if explicit || FileManager.default.fileExists(atPath: config) {
            return ConnectorBench(workspace: try Workspace(directory: directory, builtinConnectors: builtinConnectors))
        }
        do {
            return ConnectorBench(catalog: try ConnectorCatalog(directories: builtinConnectors), paths: try WorkspacePath(root: directory),
                                  workspace: nil)
        } catch let error as PipelineError {
            throw error
        } catch {
            throw .failed(Bilingual(describing: error))
        }
    }

    private init(catalog: ConnectorCatalog, paths: WorkspacePath, workspace: Workspace?) {
        self.catalog = catalog
        self.paths = paths
        self.workspace = workspace
    }

    /// Ranks the connectors for `file` by header fit.
    package func detect(file: String) throws(PipelineError) -> ConnectorDetectionReport {
        let (path, display, fingerprint) = try inspect(file)
        let detector = ConnectorDetector(catalog: catalog)
        return ConnectorDetectionReport(file: display, ranked: detector.rank(path: path, display: display, fingerprint: fingerprint),
                                        choice: detector.choose(path: path, display: display, fingerprint: fingerprint))
    }

    /// Reads `file` with connector `id` without writing anything; settings of a matching workspace
    /// source apply unless given.
    package func check(connector id: String, file: String, shop: String? = nil, platform: String? = nil,
                       timezone: String? = nil, currency: String? = nil, period: String? = nil) throws(PipelineError) -> ConnectorCheck {
        let connector: any Connector
        do { connector = try catalog.connector(id) } catch { throw .usage(error.sentence) }
        let (path, display, fingerprint) = try inspect(file)
        let given = SourceConfig(connector: id, files: file, shop: shop, platform: platform, timezone: timezone,
                                 currency: currency, period: period)
        let settings = try workspace?.settings(for: display, given: given) ?? given
        if let period = settings.period, !SourceConfig.isPeriod(period) {
            throw .usage(Bilingual("period `\(period)` is not like \(SourceConfig.periodForms)",
                                   "周期 `\(period)` 的写法不对，应如 \(SourceConfig.periodFormsZh)"))
        }
        let context = settings.context(displayPath: display, fingerprint: fingerprint, runID: 0)
        do {
            return try ConnectorCheck.run(connector, path: path, context: context)
        } catch let error as any SourceError {
            throw .failed(error.sentence)
        } catch {
            throw .failed(Bilingual("\(display): \(error)", "\(display)：\(error)"))
        }
    }

    private func inspect(_ file: String) throws(PipelineError) -> (String, String, FileFingerprint) {
        let path = URL(fileURLWithPath: file).standardizedFileURL.path
        guard FileManager.default.isReadableFile(atPath: path) else {
            throw .failed(Bilingual("\(file): no such readable file", "\(file)：文件不存在或无法读取"))
        }
        do {
            return (path, paths.display(path), try FileFingerprint.compute(path: path))
        } catch {
            throw .failed(Bilingual("\(file): \(error)", "\(file)：\(Bilingual(describing: error).zh)"))
        }
    }
}
