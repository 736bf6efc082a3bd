import KPISchema

/// Which column of a file feeds which spec field, found by header name.
struct HeaderBinding {
    /// Column index per compiled field (nil when the file lacks that optional column).
    var columns: [Int?]
    var headers: [String]

    /// Binds `spec` to a header row; nil plus the missing required fields when it does not fit.
    static func bind(_ spec: CompiledSpec, header: [String]) -> (HeaderBinding, missing: [CompiledSpec.CompiledField]) {
        // First column of each name: one pass over the header, however wide (a hostile file may have
        // a million columns; scanning it once per accepted name took minutes).
        var firstIndex: [HeaderName: Int] = [:]
        for (index, text) in header.enumerated() {
            let name = HeaderName(text)
            if firstIndex[name] == nil { firstIndex[name] = index }
        }
        var columns: [Int?] = []
        var missing: [CompiledSpec.CompiledField] = []
        for field in spec.fields {
            let index = field.headers.lazy.compactMap { firstIndex[$0] }.first
            columns.append(index)
            if index == nil && field.spec.required { missing.append(field) }
        }
        return (HeaderBinding(columns: columns, headers: header), missing)
    }
}
