/// What a workspace says about one source that the file itself does not.
package struct SourceContext: Sendable {
    /// The file as shown in messages and lineage (workspace-relative when possible).
    package var displayPath: String
    package var fingerprint: FileFingerprint
    package var runID: Int64
    /// The shop rows belong to when the export has no shop column (Amazon flat files).
    package var shop: String?
    /// The platform rows belong to when neither the export nor the connector says (a warehouse
    /// export, a tracking feed).
    package var platform: String?
    /// Overrides the connector's zone for local times (a TikTok store's region).
    package var timezone: String?
    /// The currency when the export leaves it blank.
    package var currency: String?
    /// The days a report covers when its rows carry no date (a Business Report, an inventory snapshot).
    package var period: DateRange?
    /// The report states its days itself, in a line above its header (`period: from_report`).
    package var periodFromReport = false
    /// Where each row's platform and shop come from when one file covers several shops; wins over
    /// `shop` and `platform`.
    package var routing: ShopRouting?
    /// How each order names its copy in another channel, which the loader records as a link.
    package var sameOrder: SameOrderRule?
    /// The workspace's salt for customer keys; without it buyers are not keyed (see ``CustomerSalt``).
    package var customerSalt: CustomerSalt?

    package init(displayPath: String, fingerprint: FileFingerprint, runID: Int64, shop: String? = nil,
                platform: String? = nil, timezone: String? = nil, currency: String? = nil, period: DateRange? = nil,
                routing: ShopRouting? = nil, sameOrder: SameOrderRule? = nil) {
        self.displayPath = displayPath
        self.platform = platform
        self.fingerprint = fingerprint
        self.runID = runID
        self.shop = shop
        self.timezone = timezone
        self.currency = currency
        self.period = period
        self.routing = routing
        self.sameOrder = sameOrder
    }
}
