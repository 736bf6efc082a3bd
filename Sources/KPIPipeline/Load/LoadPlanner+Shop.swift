import KPIConnectors
import KPISchema
import KPIPull
import KPIWorkspace

extension LoadPlanner {
    /// Gives a file whose rows and source name no shop the workspace's one shop on its platform, or
    /// returns why it cannot be loaded: with several shops there, any choice would credit one shop with
    /// another's sales. With none named anywhere the platform stands for the shop, as before.
    func assignShop(_ file: inout PlannedFile) -> Bilingual? {
        guard file.source?.shop == nil, file.source?.shopFrom == nil, let spec = (file.connector as? SpecConnector)?.compiled, spec.takesShopFromSource,
              let platform = (file.source?.platform ?? spec.spec.platform)?.lowercased() else { return nil }
        let shops = pipeline.workspace.shops(on: platform)
        switch shops.count {
        case 0:
            return nil
        case 1:
            var source = file.source ?? SourceConfig(connector: file.connector.id, files: file.display)
            source.shop = shops[0]
            file.source = source
            // Said in the summary: rows filed under a shop nobody wrote next to this file.
            let only = Bilingual("shop \(shops[0]): the only \(platform) shop", "店铺 \(shops[0])：唯一的 \(platform) 店铺")
            file.routing = file.routing.map { $0 + Bilingual(", ", "，") + only } ?? only
            return nil
        default:
            return Bilingual("\(file.display): its rows name no shop, no source gives it one, and the workspace has \(shops.count) shops on "
                                 + "\(platform) (\(shops.joined(separator: ", "))); not loaded: add a source whose `files:` matches it with `shop:`",
                             "\(file.display)：它的行没有写店铺，也没有数据源给它指定店铺，而工作区在 \(platform) 上有 \(shops.count) 个店铺"
                                 + "（\(shops.joined(separator: "、"))）；未加载：请添加一个 `files:` 匹配它并写明 `shop:` 的数据源")
        }
    }
}

extension Workspace {
    /// The shops the workspace's sources and streams name on `platform`, sorted.
    func shops(on platform: String) -> [String] {
        var shops = Set<String>()
        for source in config.sources {
            shops.formUnion((source.shopFrom?.shops ?? []).filter { $0.platform == platform }.map(\.shop))
            guard let shop = source.shop else { continue }
            let spec = (try? catalog.connector(source.connector) as? SpecConnector)?.compiled.spec
            if (source.platform ?? spec?.platform)?.lowercased() == platform { shops.insert(shop) }
        }
        for stream in config.streams ?? [] {
            guard let shop = stream.shop else { continue }
            // An API stream's platform is its API's (`shopify.orders`), unless it says otherwise.
            if (stream.platform ?? stream.api.split(separator: ".").first.map(String.init))?.lowercased() == platform { shops.insert(shop) }
        }
        return shops.sorted()
    }
}
