import Foundation
import KPIConnectors
import KPISchema
import KPIWorkspace

extension Workspace {
    /// Every connector this workspace can use.
    package var connectorListing: ConnectorListing {
        ConnectorListing(catalog: catalog, relativeTo: paths.root)
    }

    /// Ranks the connectors for `file` by header fit.
    package func detect(file: String) throws(PipelineError) -> ConnectorDetectionReport {
        let (path, display, fingerprint) = try Self.inspect(file, paths: paths)
        let detector = ConnectorDetector(catalog: catalog)
        return ConnectorDetectionReport(file: display, ranked: detector.rank(path: path, display: display, fingerprint: fingerprint),
                                        choice: detector.choose(path: path, display: display, fingerprint: fingerprint))
    }

    /// Reads `file` with connector `id` without writing anything; settings of a matching workspace
    /// source apply unless given.
    package func check(connector id: String, file: String, shop: String? = nil, platform: String? = nil,
                      timezone: String? = nil, currency: String? = nil, period: String? = nil) throws(PipelineError) -> ConnectorCheck {
        let connector: any Connector
        do { connector = try catalog.connector(id) } catch { throw .usage(error.description) }
        let (path, display, fingerprint) = try Self.inspect(file, paths: paths)
        let settings = try settings(for: display, given: SourceConfig(
            connector: id, files: file, shop: shop, platform: platform, timezone: timezone, currency: currency, period: period))
        let context = settings.context(displayPath: display, fingerprint: fingerprint, runID: 0)
        do {
            return try ConnectorCheck.run(connector, path: path, context: context)
        } catch let error as any SourceError {
            throw .failed(error.description)
        } catch {
            throw .failed("\(display): \(error)")
        }
    }

    private static func inspect(_ file: String, paths: WorkspacePath) throws(PipelineError) -> (String, String, FileFingerprint) {
        let path = URL(fileURLWithPath: file).standardizedFileURL.path
        guard FileManager.default.isReadableFile(atPath: path) else { throw .failed("\(file): no such readable file") }
        do {
            return (path, paths.display(path), try FileFingerprint.compute(path: path))
        } catch {
            throw .failed("\(file): \(error)")
        }
    }
}
