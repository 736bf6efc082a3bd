import KPISchema

/// A connector defined entirely by a YAML spec.
public struct SpecConnector: Connector {
    public let compiled: CompiledSpec
    public var id: String { compiled.id }
    public var title: String { compiled.spec.title }

    public init(_ compiled: CompiledSpec) {
        self.compiled = compiled
    }

    public func open(path: String, context: SourceContext) throws -> any RecordReader {
        try SpecFileReader(spec: compiled, path: path, context: context)
    }
}
