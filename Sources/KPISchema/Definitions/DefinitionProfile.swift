import Foundation

/// One version of one team's meaning for every contested concept, chosen as data in the
/// workspace's definitions file.
///
/// Every fact row names the profile and version it was computed with, so two numbers that differ
/// can always be traced to the concept on which the teams disagree.
package struct DefinitionProfile: Sendable, Hashable {
    package var name: String
    /// Bumped by the user whenever a variant changes, and written into every fact row.
    package var version: Int
    /// The first day of the periods this version applies to; nil for "since the beginning".
    package var effectiveFrom: CivilDate?
    /// What the version means in words (`description`), and in Chinese (`description_zh`) when written.
    package var description: String?
    package var descriptionZh: String?
    /// The zone whose calendar cuts days, weeks and months.
    package var zone: Zone
    /// Which fulfillment milestone counts as "shipped".
    package var shipped: FulfillmentEventKind
    package var sales: SalesBasis
    package var includeTax: Bool
    package var includeShipping: Bool
    /// Every money metric is converted into this currency at the rate of the day it belongs to.
    package var currency: String
    /// Hours from payment within which a shipment is on time.
    package var shipSLAHours: Int
    package var inventory: InventoryBasis
    package var responseTime: ResponseClock
    /// Hours (on the response clock) within which a first reply meets the SLA.
    package var responseSLAHours: Int
    package var adAttribution: AdAttribution
    package var costBasis: CostBasis
    package var marginFees: MarginFees
    /// Ticket tags that make a ticket a complaint (lower case); empty when the profile declares none,
    /// and then there is no complaint rate rather than one under a rule nobody chose.
    package var complaintTags: Set<String>
    /// Days of the trailing window a repeat purchase is looked for in (复购周期); nil when the profile declares
    /// none, and then there is no repurchase rate.
    package var repurchaseWindowDays: Int?

    package init(name: String, version: Int, effectiveFrom: CivilDate? = nil, description: String? = nil, zone: Zone,
                shipped: FulfillmentEventKind, sales: SalesBasis, includeTax: Bool, includeShipping: Bool,
                currency: String, shipSLAHours: Int = 48, inventory: InventoryBasis = .system,
                responseTime: ResponseClock = .calendarHours, responseSLAHours: Int = 24,
                adAttribution: AdAttribution = .sevenDays, costBasis: CostBasis = .purchase, marginFees: MarginFees = .none,
                complaintTags: Set<String> = [], repurchaseWindowDays: Int? = nil) {
        self.name = name
        self.version = version
        self.effectiveFrom = effectiveFrom
        self.description = description
        self.zone = zone
        self.shipped = shipped
        self.sales = sales
        self.includeTax = includeTax
        self.includeShipping = includeShipping
        self.currency = currency
        self.shipSLAHours = shipSLAHours
        self.inventory = inventory
        self.responseTime = responseTime
        self.responseSLAHours = responseSLAHours
        self.adAttribution = adAttribution
        self.costBasis = costBasis
        self.marginFees = marginFees
        self.complaintTags = complaintTags
        self.repurchaseWindowDays = repurchaseWindowDays
    }

    /// The variant this version picks for `concept`, as written in the definitions file.
    package func variant(_ concept: Concept) -> String {
        switch concept {
        case .timezone: zone.identifier
        case .shipped: shipped.rawValue
        case .sales: sales.rawValue
        case .tax: includeTax ? "included" : "excluded"
        case .shipping: includeShipping ? "included" : "excluded"
        case .currency: currency
        case .shipSLAHours: String(shipSLAHours)
        case .inventory: inventory.rawValue
        case .responseTime: responseTime.variant
        case .responseSLAHours: String(responseSLAHours)
        case .adAttribution: adAttribution.rawValue
        case .costBasis: costBasis.rawValue
        case .marginFees: marginFees.rawValue
        case .complaintTags: complaintTags.isEmpty ? "undeclared" : complaintTags.sorted().joined(separator: ",")
        case .repurchaseWindow: repurchaseWindowDays.map { "\($0)d" } ?? "undeclared"
        }
    }

    /// `cn/v2`.
    package var label: String { "\(name)/v\(version)" }

    /// The definition text for a metric that depends on `concepts`: `cn/v1 shipped=label_printed timezone=…`.
    package func definition(using concepts: [Concept]) -> String {
        let picked = Concept.allCases.filter(concepts.contains).map { "\($0.rawValue)=\(variant($0))" }
        return ([label] + picked).joined(separator: " ")
    }

    /// The variant a definition text (written by ``definition(using:)``) names for `concept`:
    /// `currency` in `cn/v1 … currency=CNY` is `CNY`. Nil when the text does not name it.
    package static func variant(of concept: Concept, in definition: String) -> String? {
        let prefix = concept.rawValue + "="
        return definition.split(separator: " ").first { $0.hasPrefix(prefix) }.map { String($0.dropFirst(prefix.count)) }
    }

    /// The concepts among `concepts` on which this version and `other` pick different variants.
    package func differences(from other: DefinitionProfile, among concepts: [Concept] = Concept.allCases) -> [Concept] {
        concepts.filter { variant($0) != other.variant($0) }
    }
}

extension DefinitionProfile {
    /// The description in `language`, else the one written in the other language (a team's own words
    /// beat none).
    package func description(in language: DisplayLanguage) -> String? {
        language == .zh ? descriptionZh ?? description : description ?? descriptionZh
    }
}
