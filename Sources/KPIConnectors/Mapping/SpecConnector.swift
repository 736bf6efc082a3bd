import KPISchema

/// A connector defined entirely by a YAML spec.
package struct SpecConnector: Connector {
    package let compiled: CompiledSpec
    package var id: String { compiled.id }
    package var title: String { compiled.spec.title }
    package var titleZh: String? { compiled.spec.titleZh }

    package init(_ compiled: CompiledSpec) {
        self.compiled = compiled
    }

    package func open(path: String, context: SourceContext) throws -> any RecordReader {
        try SpecFileReader(spec: compiled, path: path, context: context)
    }
}
