import KPIConnectors
import KPISchema

/// Stands in for the connector of a file detection could not route; such a file is never opened.
package struct UnroutedConnector: Connector {
    package var id: String { "-" }
    package var title: String { "no connector" }

    package func open(path: String, context: SourceContext) throws -> any RecordReader {
        throw ConnectorSpecError(path: context.displayPath, problem: Bilingual("no connector was chosen for this file", "没有为这个文件选定连接器"))
    }
}
