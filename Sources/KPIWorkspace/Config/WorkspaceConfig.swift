import Foundation
import KPIConnectors
import KPIPull
import KPISchema

/// `kpibridge.yaml`: where a workspace's exports land and how to read them.
package struct WorkspaceConfig: Sendable, Decodable {
    /// `sqlite:PATH` (relative to the workspace) or `postgres://…`. Default `sqlite:.kpibridge/warehouse.sqlite`.
    package var store: String?
    /// The definitions file. Default `definitions.yaml`.
    package var definitions: String?
    /// Role templates, targets and tiers. Default `scorecards.yaml` when it exists; none means no scoring.
    package var scorecards: String?
    /// A targets sheet (CSV or XLSX) whose rows win over the scorecards' YAML targets. None unless named.
    package var targets: String?
    /// Daily fx rates, CSV `date,from,to,rate`. Default `fx_rates.csv`.
    package var fxRates: String?
    /// Extra connector spec folders inside the workspace; they override shipped specs with the same id.
    package var connectors: [String]?
    /// The folder `run` imports from. Default `inbox`.
    package var inbox: String?
    package var sources: [SourceConfig]
    /// APIs `run` pulls from before it loads the inbox.
    package var streams: [StreamSettings]?
    /// How long run history is kept before `prune` may delete it.
    package var retention: Retention?
    /// Chat webhooks told about failed runs, stale sources, pacing and reports.
    package var notify: [NotifySettings]?
    /// How buyers are keyed for repeat-purchase and retention rates.
    package var customers: CustomersConfig?

    package enum CodingKeys: String, CodingKey, CaseIterable {
        case store, definitions, scorecards, targets, connectors, inbox, sources, streams, retention, notify, customers
        case fxRates = "fx_rates"
    }
}

extension WorkspaceConfig {
    /// Reads and checks `kpibridge.yaml` in `paths`, key by key (`directory` is the folder as the user
    /// gave it, for the message when there is no such file).
    package static func read(in paths: WorkspacePath, asGiven directory: String? = nil) throws(PipelineError) -> WorkspaceConfig {
        let file = Workspace.configFile
        let text: String
        do {
            text = try String(contentsOfFile: (paths.root as NSString).appendingPathComponent(file), encoding: .utf8)
        } catch CocoaError.fileReadNoSuchFile {
            let folder = directory ?? paths.root
            throw .usage(Bilingual(
                "\(folder) has no \(file); is it a kpibridge workspace? "
                    + "(`kpibridge init \(folder) --shops amazon:amazon-us,…` starts one; `--workspace DIR` names another)",
                "\(folder) 里没有 \(file)；这是 kpibridge 工作区吗？"
                    + "（`kpibridge init \(folder) --shops amazon:amazon-us,…` 可新建一个；`--workspace DIR` 可指定别的工作区）"))
        } catch {
            throw .failed(Bilingual("\(file): cannot read it: \(error.localizedDescription)",
                                    "\(file)：无法读取：\(error.localizedDescription)"))
        }
        do {
            return try StrictYAML.decode(WorkspaceConfig.self, from: text, file: file, rule: .workspaceConfig)
        } catch {
            throw .failed(error.located)
        }
    }
}

/// `retention:` in kpibridge.yaml.
package struct Retention: Sendable, Decodable, Hashable {
    /// Months of run history (runs, load ledger, quarantined rows, fact change log) `prune` keeps. Default 6.
    package var historyMonths: Int?

    /// The months kept when the workspace does not say.
    package static let defaultHistoryMonths = 6

    package enum CodingKeys: String, CodingKey, CaseIterable {
        case historyMonths = "history_months"
    }
}

/// `customers:` in kpibridge.yaml.
package struct CustomersConfig: Sendable, Decodable, Hashable {
    /// Where the salt of customer keys is: `env:VARIABLE` or `file:PATH` (inside the workspace), never the value.
    package var salt: String?

    package enum CodingKeys: String, CodingKey, CaseIterable {
        case salt
    }
}

/// Files matching `files` are read with `connector`, with what the export itself does not say.
package struct SourceConfig: Sendable, Decodable, Hashable {
    package var connector: String
    /// A glob relative to the workspace: `inbox/amazon/*.txt`.
    package var files: String
    package var shop: String?
    /// The platform when neither the export nor the connector says (warehouse, tracking feeds).
    package var platform: String?
    package var timezone: String?
    package var currency: String?
    /// The days a report without dates covers: `2026-10`, `2026-10-01..2026-10-07` or one day.
    package var period: String?
    /// Rows of a file covering several shops name theirs (a column, or the order id's shape).
    package var shopFrom: ShopFromConfig?
    /// Orders that are copies of another channel's, named in a tag or note, and which copy counts.
    package var sameOrder: SameOrderRule?
    /// How often a new export is expected (`36h`, `2d`): older than that, `freshness` and every run say so.
    package var freshWithin: String?

    package enum CodingKeys: String, CodingKey, CaseIterable {
        case connector, files, shop, platform, timezone, currency, period
        case shopFrom = "shop_from"
        case sameOrder = "same_order"
        case freshWithin = "fresh_within"
    }

    package init(connector: String, files: String, shop: String? = nil, platform: String? = nil,
                timezone: String? = nil, currency: String? = nil, period: String? = nil, shopFrom: ShopFromConfig? = nil,
                sameOrder: SameOrderRule? = nil) {
        self.connector = connector
        self.files = files
        self.shop = shop
        self.platform = platform
        self.timezone = timezone
        self.currency = currency
        self.period = period
        self.shopFrom = shopFrom
        self.sameOrder = sameOrder
    }
}
