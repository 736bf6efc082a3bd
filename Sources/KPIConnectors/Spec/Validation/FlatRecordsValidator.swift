import KPISchema

/// Each plain-data kind gets every schema column from a field of the same type, or from the source
/// context when the column allows it; a required column with neither is an error.
enum FlatRecordsValidator: SpecValidator {
    static func validate(_ context: SpecContext) throws(ConnectorSpecError) -> [CompiledSpec.CompiledFlat] {
        let records = context.spec.records
        var flat: [CompiledSpec.CompiledFlat] = []
        for kind in records.flat.keys.sorted(by: { $0.rawValue < $1.rawValue }) {
            var sources: [Int?] = []
            for column in kind.schema.fields {
                let purpose = "records.\(kind.rawValue).\(column.name)"
                if let index = context.fieldIndex[column.name] {
                    let type = context.fields[index].spec.type
                    guard type.rawValue == column.type.rawValue else {
                        throw context.fail(Bilingual("field `\(column.name)` must have type \(column.type.rawValue) to feed \(purpose)",
                                                           "字段 `\(column.name)` 的类型应为 \(column.type.rawValue)，才能用于 \(purpose)"))
                    }
                    sources.append(index)
                } else {
                    if column.required, ContextFill.fill(for: column.name) == nil {
                        throw context.fail(Bilingual("records.\(kind.rawValue) needs a field `\(column.name)` (\(column.type.rawValue))",
                                                           "`records.\(kind.rawValue)` 需要字段 `\(column.name)`（\(column.type.rawValue)）"))
                    }
                    sources.append(nil)
                }
            }
            flat.append(CompiledSpec.CompiledFlat(kind: kind, when: try context.conditions(records.flat[kind]!.when, for: "records.\(kind.rawValue)"),
                                                  sources: sources))
        }
        return flat
    }
}
