import KPISchema
/// `unpivot:` names fields the spec has: text `name` and `group` fields and a `value` field that no
/// column fills, and parts whose value fields have the `value` field's type, each named by a text field,
/// a label or both (the label when the field is empty), each with a `group` exactly when the spec has one.
enum UnpivotValidator: SpecValidator {
    static func validate(_ context: SpecContext) throws(ConnectorSpecError) -> CompiledSpec.CompiledUnpivot? {
        guard let unpivot = context.spec.unpivot else { return nil }
        let name = try filled(context, unpivot.name, role: "name", text: true)
        let value = try filled(context, unpivot.value, role: "value", text: false)
        let group = try unpivot.group.map { (field) throws(ConnectorSpecError) in try filled(context, field, role: "group", text: true) }
        guard !unpivot.parts.isEmpty else { throw context.fail(Bilingual("unpivot needs `parts`", "`unpivot` 需要 `parts`")) }
        // One row becomes several: an order line would count its item once per part.
        if context.spec.records.order != nil || context.spec.records.orderLine != nil {
            throw context.fail(Bilingual("unpivot reads a row once per filled part, so `records.order` and `records.order_line` would count it several times; use refund and plain-data records",
                                             "`unpivot` 会按每个有值的部分各读一次同一行，`records.order` 和 `records.order_line` 会因此重复计数；请改用 `refund` 和普通数据记录"))
        }
        // Row rules run before the parts are read, when the fields the parts fill are still empty.
        let filledNames = Set([unpivot.name, unpivot.value] + [unpivot.group].compactMap { $0 })
        for rule in (context.spec.skipRows ?? []).map(\.field) + (context.spec.fillDown ?? []) where filledNames.contains(rule) {
            throw context.fail(Bilingual("`skip_rows`/`fill_down` name `\(rule)`, which only the unpivot parts fill (after row rules run)",
                                             "`skip_rows`/`fill_down` 引用了 `\(rule)`，但它只由 `unpivot` 的各部分填充（在行规则之后）"))
        }
        var parts: [CompiledSpec.CompiledUnpivot.Part] = []
        for (position, part) in unpivot.parts.enumerated() {
            let at = "unpivot.parts[\(position)]"
            let partValue = try read(context, part.value, at: "\(at).value")
            guard context.fields[partValue].spec.type == context.fields[value].spec.type else {
                throw context.fail(Bilingual("\(at).value `\(part.value)` must have the type of `\(unpivot.value)` (\(context.fields[value].spec.type.rawValue))",
                                                 "\(at).value `\(part.value)` 的类型应与 `\(unpivot.value)` 相同（\(context.fields[value].spec.type.rawValue)）"))
            }
            let nameField = try part.name.map { (field) throws(ConnectorSpecError) in try read(context, field, at: "\(at).name") }
            if let nameField, context.fields[nameField].spec.type != .text { throw context.fail(Bilingual("\(at).name `\(part.name!)` must have type text", "\(at).name `\(part.name!)` 的类型应为 `text`")) }
            guard nameField != nil || !(part.label ?? "").isEmpty else {
                throw context.fail(Bilingual("\(at) needs `name` (the field holding the part's name) or `label` (the name itself)",
                                                 "\(at) 需要 `name`（存放该部分名称的字段）或 `label`（名称本身）"))
            }
            guard (group == nil) == (part.group == nil) else {
                throw context.fail(group == nil
                                 ? Bilingual("\(at) has a `group`, but unpivot names no `group` field", "\(at) 有 `group`，但 `unpivot` 没有声明 `group` 字段")
                                 : Bilingual("\(at) needs a `group`", "\(at) 需要 `group`"))
            }
            parts.append(.init(nameField: nameField, label: part.label, value: partValue, group: part.group))
        }
        return CompiledSpec.CompiledUnpivot(name: name, value: value, group: group, parts: parts)
    }

    /// A field the parts fill: it exists, reads no column, is not required (a part always fills it).
    private static func filled(_ context: SpecContext, _ field: String, role: String, text: Bool) throws(ConnectorSpecError) -> Int {
        guard let index = context.fieldIndex[field] else { throw context.fail(Bilingual("unpivot.\(role) names unknown field `\(field)`",
                                                                                                   "`unpivot.\(role)` 引用了不存在的字段 `\(field)`")) }
        let spec = context.fields[index].spec
        guard spec.column.isEmpty else { throw context.fail(Bilingual("unpivot.\(role) field `\(field)` is filled by the parts; give it `column: []`",
                                                                 "`unpivot.\(role)` 字段 `\(field)` 由各部分填充；请写 `column: []`")) }
        guard !spec.required else { throw context.fail(Bilingual("unpivot.\(role) field `\(field)` is always filled by a part; drop `required`",
                                                                 "`unpivot.\(role)` 字段 `\(field)` 总会由某个部分填充；请去掉 `required`")) }
        guard !text || spec.type == .text else { throw context.fail(Bilingual("unpivot.\(role) field `\(field)` must have type text",
                                                                         "`unpivot.\(role)` 字段 `\(field)` 的类型应为 `text`")) }
        return index
    }

    /// A field a part reads.
    private static func read(_ context: SpecContext, _ field: String, at: String) throws(ConnectorSpecError) -> Int {
        guard let index = context.fieldIndex[field] else { throw context.fail(Bilingual("\(at) names unknown field `\(field)`", "\(at) 引用了不存在的字段 `\(field)`")) }
        return index
    }
}
