import KPIConnectors
import KPIPull
import KPISchema

extension KeyRule {
    /// Every key kpibridge.yaml may use, from the types it decodes into (so a new setting is allowed
    /// the moment it is declared): a misspelt `shpo:` or `stor:` is refused, never ignored.
    static let workspaceConfig = KeyRule.keys(of: WorkspaceConfig.CodingKeys.self, nested: [
        "sources": .list(.keys(of: SourceConfig.CodingKeys.self, nested: [
            "shop_from": .keys(of: ShopFromConfig.CodingKeys.self, nested: [
                "map": .anyKey(.value),
                "order_id": .list(.keys(of: ShopFromConfig.Pattern.CodingKeys.self)),
            ]),
            "same_order": .keys(of: SameOrderRule.CodingKeys.self),
        ])),
        "streams": .list(.keys(of: StreamSettings.CodingKeys.self, nested: [
            "credentials": .anyKey(.value),
            "http": .keys(of: RetryPolicy.CodingKeys.self),
            "same_order": .keys(of: SameOrderRule.CodingKeys.self),
        ])),
        "retention": .keys(of: Retention.CodingKeys.self),
        "notify": .list(.keys(of: NotifySettings.CodingKeys.self)),
        "customers": .keys(of: CustomersConfig.CodingKeys.self),
    ])
}
