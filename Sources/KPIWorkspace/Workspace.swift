import Foundation
import KPIConnectors
import KPIPull
import KPISchema

/// A loaded workspace: its folder, configuration, definitions, fx table and connectors.
package struct Workspace: Sendable {
    package static let configFile = "kpibridge.yaml"
    /// The store when neither `--store` nor `store:` names one.
    package static let defaultStore = "sqlite:.kpibridge/warehouse.sqlite"

    package let paths: WorkspacePath
    package let config: WorkspaceConfig
    /// The definition profiles and their versions, calendars and reconciliation pairs.
    package let definitions: DefinitionsFile
    /// The definitions file as the user names it, for messages.
    package let definitionsName: String
    package let fx: FXTable
    package let catalog: ConnectorCatalog
    /// The scorecards, when the workspace has them.
    package let scoring: ScorecardsFile?
    /// The scorecards file as the user names it, for messages.
    package let scoringName: String

    /// Loads `kpibridge.yaml` in `directory`; `builtinConnectors` is the folder of shipped specs.
    package init(directory: String, builtinConnectors: [String]) throws(PipelineError) {
        paths = try WorkspacePath(root: directory)
        config = try WorkspaceConfig.read(in: paths, asGiven: directory)
        let definitionsName = config.definitions ?? "definitions.yaml"
        let definitions = try DefinitionsFile.load(
            path: try paths.resolve(definitionsName, key: "definitions"), display: definitionsName)
        self.definitions = definitions
        self.definitionsName = definitionsName
        // Like the scorecards, the fx table may be absent unless named: a shop selling in one currency
        // needs no rates, and a run that does need one fails naming the currency and day.
        let fxName = config.fxRates ?? "fx_rates.csv"
        let fxPath = try paths.resolve(fxName, key: "fx_rates")
        if config.fxRates != nil || FileManager.default.fileExists(atPath: fxPath) {
            fx = try FXRatesFile.load(path: fxPath, display: fxName, maxCarryDays: definitions.maxCarryDays)
        } else {
            fx = FXTable(rates: [], maxCarryDays: definitions.maxCarryDays)
        }
        scoringName = config.scorecards ?? "scorecards.yaml"
        let scoringPath = try paths.resolve(scoringName, key: "scorecards")
        if config.scorecards != nil || FileManager.default.fileExists(atPath: scoringPath) {
            var file = try ScorecardsFile.load(path: scoringPath, display: scoringName, profiles: definitions.definitions.names)
            if let targets = config.targets {
                let read = try TargetSheetFile.load(path: try paths.resolve(targets, key: "targets"), display: targets, policy: file.policy)
                file.policy.targetSheet = read.sheet
                file.problems += read.problems
            }
            scoring = file
        } else {
            if config.targets != nil {
                throw .failed("\(Self.configFile): `targets:` names a targets sheet, but there is no \(scoringName) whose lines it would set")
            }
            scoring = nil
        }
        var directories = builtinConnectors
        for folder in config.connectors ?? [] {
            directories.append(try paths.resolve(folder, key: "connectors"))
        }
        do {
            catalog = try ConnectorCatalog(directories: directories)
        } catch {
            throw .failed("\(error)")
        }
        for source in config.sources {
            do { _ = try catalog.connector(source.connector) } catch {
                throw .failed("\(Self.configFile): source `\(source.files)`: \(error)")
            }
            _ = try paths.resolve(source.files, key: "sources[].files")
            if let period = source.period, !SourceConfig.isPeriod(period) {
                throw .failed("\(Self.configFile): source `\(source.files)`: period `\(period)` is not like \(SourceConfig.periodForms)")
            }
            if let fresh = source.freshWithin, (TimeSpan(parsing: fresh)?.seconds ?? 0) == 0 {
                throw .failed("\(Self.configFile): source `\(source.files)`: fresh_within `\(fresh)` is not a length like \(TimeSpan.forms)")
            }
            if let shopFrom = source.shopFrom {
                try Self.check(shopFrom, of: source, catalog: catalog)
            }
        }
        try Self.checkSameOrders(config.sources, streams: config.streams ?? [], catalog: catalog)
        try Self.check(streams: config.streams ?? [], catalog: catalog)
        try Self.check(notify: config.notify ?? [])
    }

    /// Checks each `notify:` entry, and that no two share a name.
    private static func check(notify: [NotifySettings]) throws(PipelineError) {
        var seen: Set<String> = []
        for entry in notify {
            if let problem = entry.problem { throw .failed("\(configFile): notify `\(entry.displayName)`: \(problem)") }
            guard seen.insert(entry.displayName).inserted else {
                throw .failed("\(configFile): notify `\(entry.displayName)` is named twice; give each a `name:`")
            }
        }
    }

    /// Checks a source's `shop_from:`: rules that parse, that the connector can follow, and no second
    /// answer beside them (`shop:`, `platform:`) that one of the two would silently overrule.
    private static func check(_ shopFrom: ShopFromConfig, of source: SourceConfig, catalog: ConnectorCatalog) throws(PipelineError) {
        let prefix = "\(configFile): source `\(source.files)`"
        let routing: ShopRouting
        switch shopFrom.routing() {
        case .success(let parsed): routing = parsed
        case .failure(let problem): throw .failed("\(prefix): \(problem)")
        }
        if source.shop != nil || source.platform != nil {
            throw .failed("\(prefix): `shop_from` names each row's shop and platform; remove `shop:` and `platform:`")
        }
        guard let spec = (try? catalog.connector(source.connector) as? SpecConnector)?.compiled else { return }
        if case .orderID = routing, !spec.readsOrderIDs {
            throw .failed("\(prefix): " + ShopFromConfig.noOrderIDs(source.connector))
        }
        // A connector whose layout belongs to one marketplace (a Shopify export) cannot hold another's rows.
        if let fixed = spec.fixedPlatform, let other = routing.shops.sorted(by: { $0.description < $1.description }).first(where: { $0.platform != fixed }) {
            throw .failed("\(prefix): `shop_from` files rows under \(other), but `\(source.connector)` reads \(fixed) exports only")
        }
    }

    /// Checks each source's and stream's `same_order:` rule, and that no two rules about one pair of
    /// channels disagree on which copy counts.
    private static func checkSameOrders(_ sources: [SourceConfig], streams: [StreamSettings], catalog: ConnectorCatalog) throws(PipelineError) {
        var decided: [Set<String>: (countsIn: String, name: String)] = [:]
        for declared in SameOrderPolicy.declarations(sources, streams: streams, catalog: catalog) {
            let prefix = "\(configFile): \(declared.name)", rule = declared.rule
            if let problem = rule.problem(own: declared.own, spec: declared.spec) { throw .failed("\(prefix): \(problem)") }
            let pair: Set<String> = [declared.own!, rule.platform]
            if let earlier = decided[pair], earlier.countsIn != rule.countsIn {
                throw .failed("\(prefix): `same_order.counts_in` is \(rule.countsIn), but \(earlier.name) counts "
                              + "\(pair.sorted().joined(separator: "/")) copies in \(earlier.countsIn); make them agree")
            }
            decided[pair] = (rule.countsIn, declared.name)
        }
    }

    /// Checks each `streams:` entry: a name fit for a folder and a state key, used once; an API
    /// kpibridge knows; a connector that exists; an HTTPS base URL.
    private static func check(streams: [StreamSettings], catalog: ConnectorCatalog) throws(PipelineError) {
        var seen: Set<String> = []
        let allowed = Set("abcdefghijklmnopqrstuvwxyz0123456789-_.")
        for stream in streams {
            let prefix = "\(configFile): stream `\(stream.stream)`"
            guard !stream.stream.isEmpty, stream.stream.allSatisfy(allowed.contains), !stream.stream.hasPrefix(".") else {
                throw .failed("\(prefix): a stream name is lowercase letters, digits, `-`, `_` and `.`")
            }
            guard seen.insert(stream.stream).inserted else { throw .failed("\(prefix) is named twice") }
            guard PullerCatalog.puller(stream.api) != nil else {
                throw .failed("\(prefix): api `\(stream.api)` is not one of \(PullerCatalog.names.joined(separator: ", "))")
            }
            guard let connector = stream.connector ?? PullerCatalog.defaultConnector(stream.api) else {
                throw .failed("\(prefix): api \(stream.api) needs `connector:` (the connector that reads its reports)")
            }
            do { _ = try catalog.connector(connector) } catch { throw .failed("\(prefix): \(error)") }
            do { _ = try stream.endpoint() } catch { throw .failed("\(configFile): \(error.description)") }
        }
    }

    /// The source whose glob matches a workspace-relative path.
    package func source(for relativePath: String) -> SourceConfig? {
        config.sources.first { Glob.matches($0.files, relativePath) }
    }
}
