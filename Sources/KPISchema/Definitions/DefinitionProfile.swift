/// One team's meaning for every contested concept, chosen as data in the workspace's definitions file.
///
/// Every fact row names the profile and the variants it used, so two numbers that differ can always
/// be traced to the concept on which the teams disagree.
public struct DefinitionProfile: Sendable, Hashable {
    public var name: String
    /// Bumped by the user whenever a variant changes, and written into every fact row.
    public var version: Int
    /// The zone whose calendar cuts days, weeks and months.
    public var zone: Zone
    /// Which fulfillment milestone counts as "shipped".
    public var shipped: FulfillmentEventKind
    public var sales: SalesBasis
    public var includeTax: Bool
    public var includeShipping: Bool
    /// Every money metric is converted into this currency at the purchase day's rate.
    public var currency: String
    /// Hours from payment within which a shipment is on time.
    public var shipSLAHours: Int

    public init(name: String, version: Int, zone: Zone, shipped: FulfillmentEventKind, sales: SalesBasis,
                includeTax: Bool, includeShipping: Bool, currency: String, shipSLAHours: Int) {
        self.name = name
        self.version = version
        self.zone = zone
        self.shipped = shipped
        self.sales = sales
        self.includeTax = includeTax
        self.includeShipping = includeShipping
        self.currency = currency
        self.shipSLAHours = shipSLAHours
    }

    /// The concepts this profile fixes, in a stable order, as `name=variant` pairs.
    public var variants: [(concept: String, variant: String)] {
        [
            ("timezone", zone.identifier),
            ("shipped", shipped.rawValue),
            ("sales", sales.rawValue),
            ("tax", includeTax ? "included" : "excluded"),
            ("shipping", includeShipping ? "included" : "excluded"),
            ("currency", currency),
            ("ship_sla_hours", String(shipSLAHours)),
        ]
    }

    /// The definition text for a metric that depends on `concepts`: `cn/v1 shipped=label_printed timezone=…`.
    public func definition(using concepts: [String]) -> String {
        let picked = variants.filter { concepts.contains($0.concept) }.map { "\($0.concept)=\($0.variant)" }
        return (["\(name)/v\(version)"] + picked).joined(separator: " ")
    }
}
