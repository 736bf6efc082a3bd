import KPISchema
import Foundation
import KPIStore
import KPIWorkspace

/// Writes a store table as CSV or JSON Lines, in primary-key order so a re-export is byte-identical.
package struct TableExporter: Sendable {
    package var format: ExportFormat
    /// Starts CSV with a UTF-8 BOM so Excel on Windows shows Chinese text correctly.
    package var byteOrderMark: Bool
    /// Headers and name-valued cells (metric, definition, reasons) in this language; machine names when nil.
    package var language: DisplayLanguage?

    package init(format: ExportFormat, byteOrderMark: Bool = false, language: DisplayLanguage? = nil) {
        self.format = format
        self.byteOrderMark = byteOrderMark
        self.language = language
    }

    /// Renames a cell whose column holds names people read, for `language`.
    package static func translate(_ value: TableValue, column: String, _ language: DisplayLanguage) -> TableValue {
        guard case .text(let text) = value else { return value }
        let list = { (names: (String) -> String) in text.split(separator: ",").map { names(String($0)) }.joined(separator: ", ") }
        switch column {
        case "metric": return .text(DisplayNames.metric(text, language))
        case "definition", "definition_a", "definition_b", "old_definition", "new_definition":
            return .text(DisplayNames.definition(text, language))
        case "reasons": return .text(list { DisplayNames.reason($0, language) })
        case "cause": return .text(DisplayNames.cause(text, language))
        case "grain": return .text(DisplayNames.grain(text, language))
        case "scope_type": return .text(DisplayNames.scopeType(text, language))
        case "differing_concepts": return .text(list { DisplayNames.concept($0, language) })
        case "concept": return .text(DisplayNames.concept(text, language))
        case "variant": return .text(DisplayNames.variant(text, language))
        default: return value
        }
    }

    /// Exports `tableName` from `store` through `write`, which receives chunks of UTF-8 text.
    package func export(_ tableName: String, from store: any TableScanning,
                       write: (String) throws -> Void) throws(PipelineError) {
        guard let table = StoreTable.named(tableName) else {
            throw .usage(Self.unknownTable(tableName))
        }
        do {
            var buffer = ""
            let names = language.map { DisplayNames.columns(table.columns, $0) } ?? table.columns
            if format == .csv {
                if byteOrderMark { buffer += "\u{FEFF}" }
                buffer += names.map { CellText.csv(.text($0)) }.joined(separator: ",") + "\r\n"
            }
            try store.scan(table) { stored in
                let row = language.map { language in zip(table.columns, stored).map { Self.translate($1, column: $0, language) } } ?? stored
                switch format {
                case .csv:
                    buffer += row.map(CellText.csv).joined(separator: ",") + "\r\n"
                case .jsonl:
                    buffer += "{" + zip(names, row).map { "\(JSONText.quoted($0)):\(CellText.json($1))" }
                        .joined(separator: ",") + "}\n"
                }
                if buffer.utf8.count > 1 << 16 {
                    try write(buffer)
                    buffer.removeAll(keepingCapacity: true)
                }
            }
            try write(buffer)
        } catch let error as PipelineError {
            throw error
        } catch {
            throw .failed(Bilingual("export \(tableName): \(error)", "导出 \(tableName)：\(error)"))
        }
    }

    /// Writes `tableNames` to one `.xlsx` workbook at `path`, a sheet per table (headers and names in
    /// `language` when set), atomically like a file export.
    package func exportWorkbook(_ tableNames: [String], from store: any TableScanning, to path: String) throws(PipelineError) {
        var sheets: [WorkbookWriter.Sheet] = []
        for name in tableNames {
            guard let table = StoreTable.named(name) else {
                throw .usage(Self.unknownTable(name))
            }
            var rows: [[TableValue]] = []
            do {
                try store.scan(table) { stored in
                    rows.append(language.map { language in zip(table.columns, stored).map { Self.translate($1, column: $0, language) } } ?? stored)
                }
            } catch {
                throw .failed(Bilingual("export \(name): \(error)", "导出 \(name)：\(error)"))
            }
            guard rows.count <= WorkbookWriter.maxRows else {
                throw .failed(Bilingual("\(name) has \(rows.count) rows, more than a worksheet holds (\(WorkbookWriter.maxRows)); export it as CSV",
                                        "\(name) 有 \(rows.count) 行，超过一个工作表能容纳的行数（\(WorkbookWriter.maxRows)）；请导出为 CSV"))
            }
            let header = language.map { DisplayNames.columns(table.columns, $0) } ?? table.columns
            let decimals = Set(table.columns.indices.filter { Self.decimalColumns.contains(table.columns[$0]) })
            sheets.append(WorkbookWriter.Sheet(name: name, header: header, rows: rows, decimalColumns: decimals))
        }
        try Self.writeAtomically(path) { try WorkbookWriter().write(sheets, to: $0) }
    }

    /// A table name the store does not have, with the ones it has.
    private static func unknownTable(_ name: String) -> Bilingual {
        let tables = StoreTable.all.map(\.name).joined(separator: ", ")
        return Bilingual("unknown table `\(name)`; tables: " + tables, "未知的表 `\(name)`；可用的表：" + tables)
    }

    /// Columns whose values are decimals kept as text for exactness (order amounts, plain-data decimals).
    static let decimalColumns: Set<String> = Set(["amount", "tax", "shipping"])
        .union(FlatKind.allCases.flatMap { $0.schema.fields.filter { $0.type == .decimal }.map(\.name) })

    /// Exports to a file, atomically (see ``writeAtomically(_:_:)``).
    package func export(_ tableName: String, from store: any TableScanning, to path: String) throws(PipelineError) {
        try Self.writeAtomically(path) { temporary in
            guard FileManager.default.createFile(atPath: temporary, contents: nil),
                  let handle = FileHandle(forWritingAtPath: temporary) else {
                throw PipelineError.failed(Self.cannotWrite(path))
            }
            defer { try? handle.close() }
            try export(tableName, from: store) { try handle.write(contentsOf: Data($0.utf8)) }
        }
    }

    /// Writes a file so readers see the old one or the complete new one, never a part.
    ///
    /// `write` fills `PATH.partial-PID`, which is flushed to disk and then put in place by `rename(2)` in
    /// one step (removing the old file first would leave no file at all to a kill in between). Each process
    /// writes its own partial file, so two exports to one path never write into each other's; the last
    /// rename wins with a complete file. A killed export leaves its partial file, which the next export to
    /// the same path removes once no live process owns it.
    static func writeAtomically(_ path: String, _ write: (String) throws -> Void) throws(PipelineError) {
        removeAbandonedPartials(of: path)
        let temporary = path + ".partial-\(getpid())"
        do {
            try write(temporary)
            guard let handle = FileHandle(forUpdatingAtPath: temporary) else { throw PipelineError.failed(cannotWrite(path)) }
            try handle.synchronize()
            try handle.close()
            guard rename(temporary, path) == 0 else {
                let reason = String(cString: strerror(errno))
                throw PipelineError.failed(Bilingual("cannot write \(path): \(reason)", "无法写入 \(path)：\(reason)"))
            }
        } catch {
            try? FileManager.default.removeItem(atPath: temporary)
            throw (error as? PipelineError) ?? .failed(Bilingual("cannot write \(path): \(error)", "无法写入 \(path)：\(error)"))
        }
    }

    /// `cannot write PATH`, when the file cannot even be opened.
    static func cannotWrite(_ path: String) -> Bilingual { Bilingual("cannot write \(path)", "无法写入 \(path)") }

    /// Partial files of `path` whose exporting process is gone (`PATH.partial` from before per-process
    /// names, `PATH.partial-PID` of a killed export).
    static func removeAbandonedPartials(of path: String) {
        let directory = (path as NSString).deletingLastPathComponent
        let prefix = (path as NSString).lastPathComponent + ".partial"
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.isEmpty ? "." : directory)) ?? []
        for name in names where name.hasPrefix(prefix) {
            let suffix = name.dropFirst(prefix.count)
            if !suffix.isEmpty {
                guard suffix.hasPrefix("-"), let pid = Int32(suffix.dropFirst()), pid > 0 else { continue }
                // Alive (ours to leave alone) unless kill(0) says no such process.
                if kill(pid, 0) == 0 || errno != ESRCH { continue }
            }
            try? FileManager.default.removeItem(atPath: (directory as NSString).appendingPathComponent(name))
        }
    }
}
