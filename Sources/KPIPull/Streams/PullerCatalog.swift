/// The APIs kpibridge can pull, by their `api:` name.
package enum PullerCatalog {
    package static var pullers: [any StreamPuller.Type] { [ShopifyOrdersPuller.self, TikTokOrdersPuller.self, AmazonReportPuller.self] }

    package static func puller(_ api: String) -> (any StreamPuller)? {
        switch api {
        case ShopifyOrdersPuller.api: ShopifyOrdersPuller()
        case TikTokOrdersPuller.api: TikTokOrdersPuller()
        case AmazonReportPuller.api: AmazonReportPuller()
        default: nil
        }
    }

    package static func defaultConnector(_ api: String) -> String? {
        pullers.first { $0.api == api }?.defaultConnector
    }

    package static var names: [String] { pullers.map { $0.api } }
}
