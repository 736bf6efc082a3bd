import KPIConnectors
import KPISchema

/// Stands in for the connector of a file detection could not route; such a file is never opened.
struct UnroutedConnector: Connector {
    var id: String { "-" }
    var title: String { "no connector" }

    func open(path: String, context: SourceContext) throws -> any RecordReader {
        throw ConnectorSpecError(path: context.displayPath, message: "no connector was chosen for this file")
    }
}
