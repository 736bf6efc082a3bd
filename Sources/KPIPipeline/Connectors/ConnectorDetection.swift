import KPIConnectors

/// `connectors detect`: the ranking for one file in words.
public struct ConnectorDetectionReport: Sendable {
    public var file: String
    public var ranked: [Detection]
    public var choice: Result<Detection, DetectionError>

    public init(file: String, ranked: [Detection], choice: Result<Detection, DetectionError>) {
        self.file = file
        self.ranked = ranked
        self.choice = choice
    }

}
