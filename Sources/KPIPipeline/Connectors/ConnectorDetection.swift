import KPIConnectors

/// `connectors detect`: the ranking for one file in words.
package struct ConnectorDetectionReport: Sendable {
    package var file: String
    package var ranked: [Detection]
    package var choice: Result<Detection, DetectionError>

    package init(file: String, ranked: [Detection], choice: Result<Detection, DetectionError>) {
        self.file = file
        self.ranked = ranked
        self.choice = choice
    }

}
