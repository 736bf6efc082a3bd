import KPISchema

/// What the record validators check a spec against: the spec, its compiled fields by name, and how to
/// word a problem (always naming the YAML file).
struct SpecContext {
    let spec: ConnectorSpec
    let path: String
    let fields: [CompiledSpec.CompiledField]
    let fieldIndex: [String: Int]

    init(spec: ConnectorSpec, path: String, fields: [CompiledSpec.CompiledField]) {
        self.spec = spec
        self.path = path
        self.fields = fields
        self.fieldIndex = Dictionary(uniqueKeysWithValues: fields.enumerated().map { ($1.name, $0) })
    }

    func fail(_ problem: Bilingual) -> ConnectorSpecError { ConnectorSpecError(path: path, problem: problem) }

    /// Requires a field `name` of `type`, which `purpose` reads.
    func need(_ name: String, _ type: FieldType, for purpose: String) throws(ConnectorSpecError) {
        guard let index = fieldIndex[name] else { throw fail(Bilingual("\(purpose) needs a field `\(name)`", "\(purpose) 需要字段 `\(name)`")) }
        guard fields[index].spec.type == type else {
            throw fail(Bilingual("field `\(name)` must have type \(type.rawValue) (\(purpose))",
                                 "字段 `\(name)` 的类型应为 \(type.rawValue)（\(purpose)）"))
        }
    }

    /// Checks the type of field `name` when the spec has one.
    func optional(_ name: String, _ type: FieldType, for purpose: String) throws(ConnectorSpecError) {
        if fieldIndex[name] != nil { try need(name, type, for: purpose) }
    }

    /// Resolves `when:` conditions to field indexes.
    func conditions(_ specs: [ConditionSpec]?, for purpose: String) throws(ConnectorSpecError) -> [CompiledSpec.CompiledCondition] {
        var out: [CompiledSpec.CompiledCondition] = []
        for condition in specs ?? [] {
            guard let index = fieldIndex[condition.field] else {
                throw fail(Bilingual("\(purpose).when names unknown field `\(condition.field)`",
                                     "\(purpose).when 引用了不存在的字段 `\(condition.field)`"))
            }
            var allowed: Set<String>?
            if let equals = condition.equals { allowed = [equals] }
            if let list = condition.in { allowed = (allowed ?? Set(list)).intersection(list) }
            let excluded = Set(condition.notIn ?? [])
            guard allowed != nil || !excluded.isEmpty else {
                throw fail(Bilingual("\(purpose).when on `\(condition.field)` needs `equals`, `in` or `not_in`",
                                     "\(purpose).when 对 `\(condition.field)` 的条件需要 `equals`、`in` 或 `not_in`"))
            }
            out.append(CompiledSpec.CompiledCondition(field: index, allowed: allowed, excluded: excluded))
        }
        return out
    }
}

/// One concern of a connector spec, checked after its fields compile. Validators run in a fixed order
/// and the first problem stops compilation, so a spec always fails with the same message.
protocol SpecValidator {
    associatedtype Output
    static func validate(_ context: SpecContext) throws(ConnectorSpecError) -> Output
}
