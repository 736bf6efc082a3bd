/// A forward-only supply of rows: the one interface every file format offers the spec reader.
package protocol RowSource {
    /// The next row, nil at the end. Throws only for damage that ends the file (a corrupt sheet,
    /// an unterminated quote); a single unreadable row arrives as a row with a `problem`.
    mutating func next() throws -> SourceRow?
}

extension DelimitedScanner: RowSource {}

/// Rows already in memory: JSON and XML documents, XLSX sheets.
package struct BufferedRows: RowSource {
    private var rows: [SourceRow]
    private var position = 0

    package init(_ rows: [SourceRow]) {
        self.rows = rows
    }

    package mutating func next() -> SourceRow? {
        guard position < rows.count else { return nil }
        defer { position += 1 }
        return rows[position]
    }
}

/// Rows already taken from a source (while looking for the header), then the rest of it.
struct PrefixedRows: RowSource {
    var prefix: [SourceRow]
    var rest: any RowSource

    mutating func next() throws -> SourceRow? {
        if !prefix.isEmpty { return prefix.removeFirst() }
        return try rest.next()
    }
}
