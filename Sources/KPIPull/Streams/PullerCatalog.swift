/// The APIs kpibridge can pull, by their `api:` name.
public enum PullerCatalog {
    public static var pullers: [any StreamPuller.Type] { [ShopifyOrdersPuller.self, TikTokOrdersPuller.self, AmazonReportPuller.self] }

    public static func puller(_ api: String) -> (any StreamPuller)? {
        switch api {
        case ShopifyOrdersPuller.api: ShopifyOrdersPuller()
        case TikTokOrdersPuller.api: TikTokOrdersPuller()
        case AmazonReportPuller.api: AmazonReportPuller()
        default: nil
        }
    }

    public static func defaultConnector(_ api: String) -> String? {
        pullers.first { $0.api == api }?.defaultConnector
    }

    public static var names: [String] { pullers.map { $0.api } }
}
