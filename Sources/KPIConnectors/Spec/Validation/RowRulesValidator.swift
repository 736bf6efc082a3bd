import KPISchema
/// Row rules name known fields: `carry_forward`, `fill_down`, and `skip_rows` (each with a test).
/// Returns the fill-down field indexes and the compiled skip filters.
enum RowRulesValidator: SpecValidator {
    static func validate(_ context: SpecContext) throws(ConnectorSpecError)
        -> (fillDown: [Int], filters: [CompiledSpec.CompiledFilter])
    {
        let spec = context.spec
        if let carry = spec.carryForward {
            for name in [carry.by] + carry.fields where context.fieldIndex[name] == nil {
                throw context.fail(Bilingual("carry_forward names unknown field `\(name)`", "carry_forward 引用了不存在的字段 `\(name)`"))
            }
        }
        var fillDown: [Int] = []
        for name in spec.fillDown ?? [] {
            guard let index = context.fieldIndex[name] else { throw context.fail(Bilingual("fill_down names unknown field `\(name)`", "fill_down 引用了不存在的字段 `\(name)`")) }
            fillDown.append(index)
        }
        var filters: [CompiledSpec.CompiledFilter] = []
        for filter in spec.skipRows ?? [] {
            guard let index = context.fieldIndex[filter.field] else { throw context.fail(Bilingual("skip_rows names unknown field `\(filter.field)`",
                                                                                                          "skip_rows 引用了不存在的字段 `\(filter.field)`")) }
            guard filter.prefix != nil || filter.equals != nil || filter.empty == true else {
                throw context.fail(Bilingual("skip_rows entry needs `prefix`, `equals` or `empty: true`",
                                                 "skip_rows 的每一项需要 `prefix`、`equals` 或 `empty: true`"))
            }
            filters.append(CompiledSpec.CompiledFilter(field: index, prefix: filter.prefix, equals: filter.equals, empty: filter.empty ?? false))
        }
        return (fillDown, filters)
    }
}
