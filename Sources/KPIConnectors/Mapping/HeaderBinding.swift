import KPISchema

/// Which column of a file feeds which spec field, found by header name.
struct HeaderBinding {
    /// Column index per compiled field (nil when the file lacks that optional column).
    var columns: [Int?]
    var headers: [String]

    /// Binds `spec` to a header row; nil plus the missing required fields when it does not fit.
    static func bind(_ spec: CompiledSpec, header: [String]) -> (HeaderBinding, missing: [CompiledSpec.CompiledField]) {
        let names = header.map(HeaderName.init)
        var columns: [Int?] = []
        var missing: [CompiledSpec.CompiledField] = []
        for field in spec.fields {
            let index = field.headers.lazy.compactMap { wanted in names.firstIndex(of: wanted) }.first
            columns.append(index)
            if index == nil && field.spec.required { missing.append(field) }
        }
        return (HeaderBinding(columns: columns, headers: header), missing)
    }
}
