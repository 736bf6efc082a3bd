import KPISchema
/// One record of a JSON or XML document flattened to `key → text`, before it becomes a row.
///
/// Nested objects become dotted keys (`OrderTotal.Amount`), XML attributes `@name`, and scalar
/// values of the objects or elements that enclose the record `^name`, so a tracker's
/// `tracking_code` reaches each of its `tracking_details`.
package struct KeyedRecord: Sendable, Hashable {
    package var line: Int
    package var values: [String: String]
    package var raw: String
    package var problem: Bilingual?

    package init(line: Int, values: [String: String], raw: String, problem: Bilingual? = nil) {
        self.line = line
        self.values = values
        self.raw = raw
        self.problem = problem
    }

    /// Aligns records under one header: every key any record has, in order of first appearance
    /// (sorted within a record), so the header binding and quarantine work as for a CSV file.
    package static func rows(_ records: [KeyedRecord]) -> (header: SourceRow?, rows: BufferedRows) {
        var header: [String] = []
        var position: [String: Int] = [:]
        for record in records {
            for key in record.values.keys.sorted() where position[key] == nil {
                position[key] = header.count
                header.append(key)
            }
        }
        guard !header.isEmpty || !records.isEmpty else { return (nil, BufferedRows([])) }
        let rows = records.map { record in
            var fields = [String](repeating: "", count: header.count)
            for (key, value) in record.values { fields[position[key]!] = value }
            let absent = record.values.count == header.count ? [] : header.indices.filter { record.values[header[$0]] == nil }
            return SourceRow(line: record.line, fields: fields, raw: record.raw, problem: record.problem, absent: absent)
        }
        return (SourceRow(line: 0, fields: header, raw: header.joined(separator: "\t")), BufferedRows(rows))
    }
}
