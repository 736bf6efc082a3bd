/// What a workspace says about one source that the file itself does not.
public struct SourceContext: Sendable {
    /// The file as shown in messages and lineage (workspace-relative when possible).
    public var displayPath: String
    public var fingerprint: FileFingerprint
    public var runID: Int64
    /// The shop rows belong to when the export has no shop column (Amazon flat files).
    public var shop: String?
    /// The platform rows belong to when neither the export nor the connector says (a warehouse
    /// export, a tracking feed).
    public var platform: String?
    /// Overrides the connector's zone for local times (a TikTok store's region).
    public var timezone: String?
    /// The currency when the export leaves it blank.
    public var currency: String?
    /// The days a report covers when its rows carry no date (a Business Report, an inventory snapshot).
    public var period: DateRange?

    public init(displayPath: String, fingerprint: FileFingerprint, runID: Int64, shop: String? = nil,
                platform: String? = nil, timezone: String? = nil, currency: String? = nil, period: DateRange? = nil) {
        self.displayPath = displayPath
        self.platform = platform
        self.fingerprint = fingerprint
        self.runID = runID
        self.shop = shop
        self.timezone = timezone
        self.currency = currency
        self.period = period
    }
}
