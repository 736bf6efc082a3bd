import KPISchema

/// Compiles each field of a spec, in name order: a snake_case name, at least one column, a parser for
/// its type (with the workbook date layout added for XLSX), its own zone or unit where the type takes
/// one, and no column read by two fields.
enum FieldCompiler {
    static func compile(_ spec: ConnectorSpec, path: String, readsWorkbooks: Bool) throws(ConnectorSpecError) -> [CompiledSpec.CompiledField] {
        func fail(_ message: String) -> ConnectorSpecError { ConnectorSpecError(path: path, message: message) }
        var compiled: [CompiledSpec.CompiledField] = []
        var claimed: [HeaderName: String] = [:]
        for name in spec.fields.keys.sorted() {
            let field = spec.fields[name]!
            // Plain-data fields name store columns; no name from a user's spec reaches SQL unchecked.
            guard CompiledSpec.isIdentifier(name) else {
                throw fail("field name `\(name)` must be lower-case letters, digits and `_`, starting with a letter or `_`")
            }
            // A field without columns is a constant — its `default` (a bank table's quote currency, CNY) — or
            // one that `unpivot` fills per part.
            let unpivoted = [spec.unpivot?.name, spec.unpivot?.value, spec.unpivot?.group].contains(name)
            guard !field.column.isEmpty || field.default != nil || unpivoted else {
                throw fail("field `\(name)` names no column (a constant needs `default`; `unpivot` may fill it)")
            }
            let parser = try parser(for: field, named: name, readsWorkbooks: readsWorkbooks, fail: fail)
            if let zone = field.timezone {
                guard field.type == .datetime else { throw fail("field `\(name)`: `timezone` applies to datetime fields only") }
                guard Zone(zone) != nil else { throw fail("field `\(name)`: timezone `\(zone)` is not a zone name or offset") }
            }
            if field.keepEmpty == true, field.type != .text {
                throw fail("field `\(name)`: `keep_empty` applies to text fields only (an empty number is no value, never 0)")
            }
            if field.unit != nil, field.type != .duration, field.type != .decimal {
                throw fail("field `\(name)`: `unit` applies to duration and decimal fields only")
            }
            let headers = field.column.map(HeaderName.init)
            for header in headers {
                if let other = claimed[header], other != name {
                    throw fail("fields `\(other)` and `\(name)` both read column `\(header.normalized)`; each column feeds one field")
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
                               fail: (String) -> ConnectorSpecError) throws(ConnectorSpecError) -> CompiledSpec.Parser {
        switch field.type {
        case .text: return .text
        case .integer: return .integer
        case .decimal:
            // `per_100`: a bank quotes 100 units of the foreign currency (中行折算价 711.26 is 7.1126).
            guard field.unit == nil || field.unit == "per_100" else {
                throw fail("field `\(name)`: a decimal's unit can only be `per_100`")
            }
            return .decimal(DecimalCell(decimalComma: field.decimalComma ?? false, per: field.unit == "per_100" ? 100 : 1))
        case .datetime, .date:
            var formats = field.formats ?? []
            if readsWorkbooks, !formats.contains(CompiledSpec.workbookDateLayout) { formats.append(CompiledSpec.workbookDateLayout) }
            guard !formats.isEmpty else { throw fail("\(field.type.rawValue) field `\(name)` needs `formats`") }
            var patterns: [DateTimePattern] = []
            for text in formats {
                do { patterns.append(try DateTimePattern(text)) } catch { throw fail("field `\(name)`: \(error.problem.en)") }
            }
            return field.type == .date ? .date(patterns) : .datetime(patterns)
        case .duration:
            guard let unit = DurationCell.Unit(rawValue: field.unit ?? "minutes") else {
                throw fail("field `\(name)`: unit `\(field.unit ?? "")` must be one of "
                           + DurationCell.Unit.allCases.map(\.rawValue).joined(separator: ", "))
            }
            return .duration(DurationCell(unit: unit))
        }
    }
}
