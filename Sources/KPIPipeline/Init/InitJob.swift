import Foundation
import KPIConnectors
import KPISchema
import KPIWorkspace

/// `kpibridge init DIR`: writes a commented workspace — one source per shop, both teams' definitions,
/// scorecards, an fx table and a roster template — that `validate` accepts and `run` runs on an empty
/// inbox. Nothing already there is overwritten.
package struct InitJob: Sendable {
    package var directory: String
    package var shops: [InitShop]
    package var builtinConnectors: [String]

    package init(directory: String, shops: [InitShop], builtinConnectors: [String]) {
        self.directory = directory
        self.shops = shops
        self.builtinConnectors = builtinConnectors
    }

    /// What `run` wrote, for the summary.
    package struct Outcome: Sendable {
        package var directory: String
        package var files: [String]
        package var folders: [String]
        package var shops: [InitShop]
        /// Each shop's connector → its title (`Amazon All Orders report (TSV)`), to say what goes where.
        package var titles: [String: Bilingual]
        /// Last month (`2026-11`), for the report command suggested.
        package var lastMonth: String
    }

    /// Checks every shop against its connector, then writes the workspace and opens it as `run` would.
    package func run() throws(PipelineError) -> Outcome {
        let titles = try checkShops()
        let template = WorkspaceTemplate(shops: shops)
        let manager = FileManager.default
        let root = URL(fileURLWithPath: directory)
        for file in template.files where manager.fileExists(atPath: root.appendingPathComponent(file.path).path) {
            let path = root.appendingPathComponent(file.path).path
            throw .usage(Bilingual("\(path) already exists; init writes a new workspace and overwrites nothing "
                                   + "(choose an empty folder, or edit the existing files)",
                                   "\(path) 已存在；`init` 只写新的工作区，不覆盖任何文件（请选一个空文件夹，或直接修改现有文件）"))
        }
        do {
            for folder in template.folders {
                try manager.createDirectory(at: root.appendingPathComponent(folder), withIntermediateDirectories: true)
            }
            for file in template.files {
                let url = root.appendingPathComponent(file.path)
                try manager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(file.contents.utf8).write(to: url, options: .withoutOverwriting)
            }
        } catch {
            throw .failed(Bilingual("cannot write the workspace in \(directory): \(error.localizedDescription)",
                                    "无法在 \(directory) 写入工作区：\(error.localizedDescription)"))
        }
        // The files are ours, so a problem here is a bug in the template; say so rather than leave it.
        do {
            _ = try Workspace(directory: directory, builtinConnectors: builtinConnectors)
        } catch {
            throw .failed(Bilingual("the workspace written in \(directory) does not open (a kpibridge bug; please report it): \(error.sentence.en)",
                                    "在 \(directory) 写好的工作区无法打开（这是 kpibridge 的缺陷，请报告）：\(error.sentence.zh)"))
        }
        return Outcome(directory: directory, files: template.files.map(\.path), folders: template.folders, shops: shops, titles: titles,
                       lastMonth: Self.month(before: Instant.now().utcDate))
    }

    /// The month before `day`'s, as `--period` takes it.
    static func month(before day: CivilDate) -> String {
        let (year, month) = day.month == 1 ? (day.year - 1, 12) : (day.year, day.month - 1)
        return String(format: "%04d-%02d", year, month)
    }

    /// Each shop once, on a connector that reads orders of one platform, with every setting its files
    /// do not carry given (a currency, a zone): a template never guesses them.
    private func checkShops() throws(PipelineError) -> [String: Bilingual] {
        var seen: Set<String> = []
        for shop in shops where !seen.insert(shop.shop).inserted {
            throw .usage(Bilingual("--shops names `\(shop.shop)` twice", "--shops 把 `\(shop.shop)` 写了两次"))
        }
        let catalog: ConnectorCatalog
        do { catalog = try ConnectorCatalog(directories: builtinConnectors) } catch { throw .failed(Bilingual(describing: error)) }
        var titles: [String: Bilingual] = [:]
        for shop in shops {
            guard let connector = catalog.connectors[shop.connector] else {
                throw .usage(Bilingual("--shops: no connector `\(shop.connector)` (`kpibridge connectors list` shows them)",
                                       "--shops：没有连接器 `\(shop.connector)`（`kpibridge connectors list` 可列出全部连接器）"))
            }
            guard let spec = (connector as? SpecConnector)?.compiled, spec.spec.records.hasOrderRecords, spec.fixedPlatform != nil else {
                throw .usage(Bilingual("--shops: `\(shop.connector)` does not read one platform's orders; init writes a source per shop's "
                                       + "order export (add other sources to kpibridge.yaml afterwards)",
                                       "--shops：`\(shop.connector)` 读的不是单个平台的订单；`init` 为每个店铺的订单导出文件写一个数据源"
                                       + "（其他数据源之后再加到 kpibridge.yaml）"))
            }
            let context = SourceContext(displayPath: shop.connector, fingerprint: FileFingerprint(sha256: "", byteCount: 0, isUTF8: true),
                                        runID: 0, shop: shop.shop, timezone: shop.timezone, currency: shop.currency)
            let unmet = spec.unmetSettings(context)
            if unmet.contains(.currency) {
                throw .usage(Bilingual("--shops \(shop.shop): \(connector.title) names no currency; add the one the shop sells in, "
                                       + "e.g. \(shop.entry):USD",
                                       "--shops \(shop.shop)：\(connector.title(.zh)) 不含币种；请加上该店铺的销售币种，例如 \(shop.entry):USD"))
            }
            if unmet.contains(.timezone) {
                throw .usage(Bilingual("--shops \(shop.shop): \(connector.title) writes times without a zone; add the one it writes in, "
                                       + "e.g. \(shop.entry):America/Los_Angeles",
                                       "--shops \(shop.shop)：\(connector.title(.zh)) 写出的时间不带时区；请加上它所用的时区，"
                                       + "例如 \(shop.entry):America/Los_Angeles"))
            }
            titles[shop.connector] = connector.titles
        }
        return titles
    }
}
