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
                throw .failed(Bilingual(
                    "\(Self.configFile): `targets:` names a targets sheet, but there is no \(scoringName) whose lines it would set",
                    "\(Self.configFile)：`targets:` 指定了目标表，但没有 \(scoringName) 供它设定考核项"))
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
            throw .failed(Bilingual(describing: error))
        }
        for source in config.sources {
            let prefix = Bilingual("\(Self.configFile): source `\(source.files)`", "\(Self.configFile)：数据源 `\(source.files)`")
            do { _ = try catalog.connector(source.connector) } catch {
                throw .failed(Bilingual("\(prefix.en): \(error)", "\(prefix.zh)：\(error.sentence.zh)"))
            }
            _ = try paths.resolve(source.files, key: "sources[].files")
            if let period = source.period, !SourceConfig.isPeriod(period) {
                throw .failed(Bilingual("\(prefix.en): period `\(period)` is not like \(SourceConfig.periodForms)",
                                        "\(prefix.zh)：周期 `\(period)` 的写法不对，应如 \(SourceConfig.periodFormsZh)"))
            }
            // A zone misspelt here would fail every file of the source at load, blamed on its connector.
            if let zone = source.timezone, Zone(zone) == nil {
                throw .failed(Bilingual("\(prefix.en): timezone `\(zone)` is not an IANA zone name (Asia/Shanghai) or offset (+08:00)",
                                        "\(prefix.zh)：时区 `\(zone)` 不是 IANA 时区名（如 Asia/Shanghai）也不是偏移量（如 +08:00）"))
            }
            if let fresh = source.freshWithin, (TimeSpan(parsing: fresh)?.seconds ?? 0) == 0 {
                throw .failed(Bilingual("\(prefix.en): fresh_within `\(fresh)` is not a length like \(TimeSpan.forms)",
                                        "\(prefix.zh)：fresh_within `\(fresh)` 不是时长，应如 \(TimeSpan.formsZh)"))
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
            if let problem = entry.problem {
                throw .failed(Bilingual("\(configFile): notify `\(entry.displayName)`: \(problem.en)",
                                        "\(configFile)：通知 `\(entry.displayName)`：\(problem.zh)"))
            }
            guard seen.insert(entry.displayName).inserted else {
                throw .failed(Bilingual("\(configFile): notify `\(entry.displayName)` is named twice; give each a `name:`",
                                        "\(configFile)：通知 `\(entry.displayName)` 重名了；请给每一个写上 `name:`"))
            }
        }
    }

    /// Checks a source's `shop_from:`: rules that parse, that the connector can follow, and no second
    /// answer beside them (`shop:`, `platform:`) that one of the two would silently overrule.
    private static func check(_ shopFrom: ShopFromConfig, of source: SourceConfig, catalog: ConnectorCatalog) throws(PipelineError) {
        let prefix = Bilingual("\(configFile): source `\(source.files)`", "\(configFile)：数据源 `\(source.files)`")
        func failed(_ problem: Bilingual) -> PipelineError {
            .failed(Bilingual("\(prefix.en): \(problem.en)", "\(prefix.zh)：\(problem.zh)"))
        }
        let routing: ShopRouting
        switch shopFrom.routing() {
        case .success(let parsed): routing = parsed
        case .failure(let problem): throw failed(problem.sentence)
        }
        if source.shop != nil || source.platform != nil {
            throw failed(Bilingual("`shop_from` names each row's shop and platform; remove `shop:` and `platform:`",
                                   "`shop_from` 已为每一行指定店铺和平台；请删除 `shop:` 和 `platform:`"))
        }
        guard let spec = (try? catalog.connector(source.connector) as? SpecConnector)?.compiled else { return }
        if case .orderID = routing, !spec.readsOrderIDs {
            throw failed(ShopFromConfig.noOrderIDs(source.connector))
        }
        // A connector whose layout belongs to one marketplace (a Shopify export) cannot hold another's rows.
        if let fixed = spec.fixedPlatform, let other = routing.shops.sorted(by: { $0.description < $1.description }).first(where: { $0.platform != fixed }) {
            throw failed(Bilingual("`shop_from` files rows under \(other), but `\(source.connector)` reads \(fixed) exports only",
                                   "`shop_from` 把行归到 \(other) 名下，但 `\(source.connector)` 只读 \(fixed) 的导出文件"))
        }
    }

    /// Checks each source's and stream's `same_order:` rule, and that no two rules about one pair of
    /// channels disagree on which copy counts.
    private static func checkSameOrders(_ sources: [SourceConfig], streams: [StreamSettings], catalog: ConnectorCatalog) throws(PipelineError) {
        var decided: [Set<String>: (countsIn: String, name: Bilingual)] = [:]
        for declared in SameOrderPolicy.declarations(sources, streams: streams, catalog: catalog) {
            let prefix = Bilingual("\(configFile): \(declared.name.en)", "\(configFile)：\(declared.name.zh)"), rule = declared.rule
            if let problem = rule.problem(own: declared.own, spec: declared.spec) {
                throw .failed(Bilingual("\(prefix.en): \(problem.en)", "\(prefix.zh)：\(problem.zh)"))
            }
            let pair: Set<String> = [declared.own!, rule.platform]
            if let earlier = decided[pair], earlier.countsIn != rule.countsIn {
                let channels = pair.sorted().joined(separator: "/")
                throw .failed(Bilingual(
                    "\(prefix.en): `same_order.counts_in` is \(rule.countsIn), but \(earlier.name.en) counts "
                        + "\(channels) copies in \(earlier.countsIn); make them agree",
                    "\(prefix.zh)：`same_order.counts_in` 是 \(rule.countsIn)，但\(earlier.name.zh) 把 \(channels) 的同一订单"
                        + "计入 \(earlier.countsIn)；请让两者一致"))
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
            let prefix = Bilingual("\(configFile): stream `\(stream.stream)`", "\(configFile)：数据流 `\(stream.stream)`")
            func failed(_ problem: Bilingual) -> PipelineError {
                .failed(Bilingual("\(prefix.en): \(problem.en)", "\(prefix.zh)：\(problem.zh)"))
            }
            guard !stream.stream.isEmpty, stream.stream.allSatisfy(allowed.contains), !stream.stream.hasPrefix(".") else {
                throw failed(Bilingual("a stream name is lowercase letters, digits, `-`, `_` and `.`",
                                       "数据流名称只能由小写字母、数字、`-`、`_` 和 `.` 组成"))
            }
            guard seen.insert(stream.stream).inserted else { throw .failed(Bilingual("\(prefix.en) is named twice", "\(prefix.zh) 重名了")) }
            guard PullerCatalog.puller(stream.api) != nil else {
                throw failed(Bilingual("api `\(stream.api)` is not one of \(PullerCatalog.names.joined(separator: ", "))",
                                       "接口 `\(stream.api)` 不在可选值之中：\(PullerCatalog.names.joined(separator: "、"))"))
            }
            guard let connector = stream.connector ?? PullerCatalog.defaultConnector(stream.api) else {
                throw failed(Bilingual("api \(stream.api) needs `connector:` (the connector that reads its reports)",
                                       "接口 `\(stream.api)` 需要 `connector:`（读取其报表的连接器）"))
            }
            do { _ = try catalog.connector(connector) } catch { throw failed(error.sentence) }
            do { _ = try stream.endpoint() } catch {
                throw .failed(Bilingual("\(configFile): \(error.sentence.en)", "\(configFile)：\(error.sentence.zh)"))
            }
        }
    }

    /// The source whose glob matches a workspace-relative path.
    package func source(for relativePath: String) -> SourceConfig? {
        config.sources.first { Glob.matches($0.files, relativePath) }
    }
}
