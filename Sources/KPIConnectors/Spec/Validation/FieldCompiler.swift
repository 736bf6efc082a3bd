import KPISchema

/// Compiles each field of a spec, in name order: a snake_case name, at least one column, a parser for
/// its type (with the workbook date layout added for XLSX), its own zone or unit where the type takes
/// one, and no column read by two fields.
enum FieldCompiler {
    static func compile(_ spec: ConnectorSpec, path: String, readsWorkbooks: Bool) throws(ConnectorSpecError) -> [CompiledSpec.CompiledField] {
        func fail(_ problem: Bilingual) -> ConnectorSpecError { ConnectorSpecError(path: path, problem: problem) }
        var compiled: [CompiledSpec.CompiledField] = []
        var claimed: [HeaderName: String] = [:]
        for name in spec.fields.keys.sorted() {
            let field = spec.fields[name]!
            // Plain-data fields name store columns; no name from a user's spec reaches SQL unchecked.
            guard CompiledSpec.isIdentifier(name) else {
                throw fail(Bilingual("field name `\(name)` must be lower-case letters, digits and `_`, starting with a letter or `_`",
                                 "字段名 `\(name)` 只能由小写字母、数字和 `_` 组成，并以字母或 `_` 开头"))
            }
            // A field without columns is a constant — its `default` (a bank table's quote currency, CNY) — or
            // one that `unpivot` fills per part.
            let unpivoted = [spec.unpivot?.name, spec.unpivot?.value, spec.unpivot?.group].contains(name)
            guard !field.column.isEmpty || field.default != nil || unpivoted else {
                throw fail(Bilingual("field `\(name)` names no column (a constant needs `default`; `unpivot` may fill it)",
                                 "字段 `\(name)` 没有指定列（常量字段需要 `default`；也可由 `unpivot` 填充）"))
            }
            let parser = try parser(for: field, named: name, readsWorkbooks: readsWorkbooks, fail: fail)
            if let zone = field.timezone {
                guard field.type == .datetime else { throw fail(Bilingual("field `\(name)`: `timezone` applies to datetime fields only",
                                                                          "字段 `\(name)`：`timezone` 只适用于 `datetime` 字段")) }
                guard Zone(zone) != nil else { throw fail(Bilingual("field `\(name)`: timezone `\(zone)` is not a zone name or offset",
                                                                         "字段 `\(name)`：时区 `\(zone)` 不是时区名也不是偏移量")) }
            }
            if field.keepEmpty == true, field.type != .text {
                throw fail(Bilingual("field `\(name)`: `keep_empty` applies to text fields only (an empty number is no value, never 0)",
                                 "字段 `\(name)`：`keep_empty` 只适用于 `text` 字段（空的数字就是没有值，绝不当作 0）"))
            }
            if field.unit != nil, field.type != .duration, field.type != .decimal {
                throw fail(Bilingual("field `\(name)`: `unit` applies to duration and decimal fields only",
                                 "字段 `\(name)`：`unit` 只适用于 `duration` 和 `decimal` 字段"))
            }
            let headers = field.column.map(HeaderName.init)
            for header in headers {
                if let other = claimed[header], other != name {
                    throw fail(Bilingual("fields `\(other)` and `\(name)` both read column `\(header.normalized)`; each column feeds one field",
                                     "字段 `\(other)` 和 `\(name)` 都读取列 `\(header.normalized)`；每一列只能对应一个字段"))
                }
                claimed[header] = name
            }
            var mapped: [HeaderName: String] = [:]
            for (from, to) in field.map ?? [:] { mapped[HeaderName(from)] = to }
            compiled.append(CompiledSpec.CompiledField(name: name, spec: field, headers: headers, parser: parser, mapped: mapped))
        }
        return compiled
    }

    private static func parser(for field: FieldSpec, named name: String, readsWorkbooks: Bool,
                               fail: (Bilingual) -> ConnectorSpecError) throws(ConnectorSpecError) -> CompiledSpec.Parser {
        switch field.type {
        case .text: return .text
        case .integer: return .integer
        case .decimal:
            // `per_100`: a bank quotes 100 units of the foreign currency (中行折算价 711.26 is 7.1126).
            guard field.unit == nil || field.unit == "per_100" else {
                throw fail(Bilingual("field `\(name)`: a decimal's unit can only be `per_100`",
                                 "字段 `\(name)`：`decimal` 字段的 `unit` 只能是 `per_100`"))
            }
            return .decimal(DecimalCell(decimalComma: field.decimalComma ?? false, per: field.unit == "per_100" ? 100 : 1))
        case .datetime, .date:
            var formats = field.formats ?? []
            if readsWorkbooks, !formats.contains(CompiledSpec.workbookDateLayout) { formats.append(CompiledSpec.workbookDateLayout) }
            guard !formats.isEmpty else { throw fail(Bilingual("\(field.type.rawValue) field `\(name)` needs `formats`",
                                                                      "\(field.type.rawValue) 字段 `\(name)` 需要 `formats`")) }
            var patterns: [DateTimePattern] = []
            for text in formats {
                do { patterns.append(try DateTimePattern(text)) } catch { throw fail(Bilingual("field `\(name)`: \(error.problem.en)", "字段 `\(name)`：\(error.problem.zh)")) }
            }
            return field.type == .date ? .date(patterns) : .datetime(patterns)
        case .duration:
            guard let unit = DurationCell.Unit(rawValue: field.unit ?? "minutes") else {
                let units = DurationCell.Unit.allCases.map(\.rawValue)
                throw fail(Bilingual("field `\(name)`: unit `\(field.unit ?? "")` must be one of " + units.joined(separator: ", "),
                                     "字段 `\(name)`：单位 `\(field.unit ?? "")` 应为以下之一：" + units.joined(separator: "、")))
            }
            return .duration(DurationCell(unit: unit))
        }
    }
}
