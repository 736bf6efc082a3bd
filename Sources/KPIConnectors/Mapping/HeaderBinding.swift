import KPISchema

/// Which column of a file feeds which spec field, found by header name.
struct HeaderBinding {
    /// Column index per compiled field (nil when the file lacks a column the spec lets it lack).
    var columns: [Int?]
    var headers: [String]

    /// Binds `spec` to a header row, with the fields whose needed column it lacks (empty when it fits).
    ///
    /// `keyed` marks a header built from JSON or XML records' keys (a JSON `null` counts as present): those
    /// formats may leave an empty member out rather than write it, so a key no record has can mean "always
    /// empty" — a tracking feed where nothing was delivered yet has no delivery time anywhere. Only
    /// `required` fields and the numbers records read (amounts, quantities, without a `default`) must
    /// appear: a renamed amount key would otherwise read as empty in every record and count as 0. A
    /// delimited file or sheet states its columns and must have every column the spec needs.
    static func bind(_ spec: CompiledSpec, header: [String], keyed: Bool = false) -> (HeaderBinding, missing: [CompiledSpec.CompiledField]) {
        // First column of each name: one pass over the header, however wide (a hostile file may have
        // a million columns; scanning it once per accepted name took minutes).
        var firstIndex: [HeaderName: Int] = [:]
        for (index, text) in header.enumerated() {
            let name = HeaderName(text)
            if firstIndex[name] == nil { firstIndex[name] = index }
        }
        var columns: [Int?] = []
        var missing: [CompiledSpec.CompiledField] = []
        for (position, field) in spec.fields.enumerated() {
            let index = field.headers.lazy.compactMap { firstIndex[$0] }.first
            columns.append(index)
            let needed = keyed ? field.spec.required || (spec.needsColumn[position] && field.isNumber) : spec.needsColumn[position]
            if index == nil && needed { missing.append(field) }
        }
        return (HeaderBinding(columns: columns, headers: header), missing)
    }
}
