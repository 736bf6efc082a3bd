import KPISchema

/// Ranks a catalog's connectors by how well each one's columns fit a file's header.
///
/// Files dropped in the inbox without a workspace source are routed this way; `connectors detect`
/// shows the ranking. The file is read once per distinct layout (format, sheet, encoding), not
/// once per connector, so detection stays cheap with many specs.
package struct ConnectorDetector {
    package let catalog: ConnectorCatalog
    /// How many of the catalog's connectors accept each header name: a name only one accepts is that
    /// connector's own (`amazon-order-id`, `实盘数量`), one many accept is generic (`SKU`, `quantity`).
    private let connectorsAccepting: [HeaderName: Int]

    package init(catalog: ConnectorCatalog) {
        self.catalog = catalog
        var counts: [HeaderName: Int] = [:]
        for id in catalog.ids {
            guard let spec = (catalog.connectors[id] as? SpecConnector)?.compiled else { continue }
            for name in Set(spec.fields.flatMap(\.headers)) { counts[name, default: 0] += 1 }
        }
        connectorsAccepting = counts
    }

    /// Connectors that read the file's format, best first: fitting ones before the rest, then by
    /// more matched columns, then by id.
    package func rank(path: String, display: String, fingerprint: FileFingerprint) -> [Detection] {
        ranking(path: path, display: display, fingerprint: fingerprint).detections
    }

    /// The ranking, and the first reason a layout could not be opened at all (truncated JSON, not a zip).
    private func ranking(path: String, display: String, fingerprint: FileFingerprint)
        -> (detections: [Detection], unreadable: Bilingual?) {
        var candidatesByLayout: [Layout: [SourceRow]] = [:]
        var unreadable: Bilingual?
        var out: [Detection] = []
        let context = SourceContext(displayPath: display, fingerprint: fingerprint, runID: 0)
        for id in catalog.ids {
            guard let spec = (catalog.connectors[id] as? SpecConnector)?.compiled else { continue }
            let format = spec.format(forPath: path)
            guard spec.accepts(path: path) else { continue }
            let layout = Layout(format: format, encoding: fingerprint.resolve(spec.encoding), rows: spec.headerSearchRows)
            if candidatesByLayout[layout] == nil {
                do {
                    candidatesByLayout[layout] = try Self.headerCandidates(spec, path: path, context: context)
                } catch {
                    candidatesByLayout[layout] = []
                    if unreadable == nil { unreadable = Bilingual(describing: error) }
                }
            }
            var best: Detection?
            for row in candidatesByLayout[layout]! {
                let (binding, missing) = HeaderBinding.bind(spec, header: row.fields, keyed: format.isKeyed)
                let matched = binding.columns.compactMap { $0 }.count
                let used = Set(binding.columns.compactMap { $0 })
                // A fit needs every column the connector reads, and either most of the columns it knows
                // or one only it knows: a header sharing nothing but generic names (`SKU`, `quantity`)
                // with a sparse spec must not be routed to it (an order report was once read as a
                // stock-take), while a short roster with its own `岗位` column still is.
                let own = used.contains { connectorsAccepting[HeaderName(row.fields[$0])] == 1 }
                let detection = Detection(
                    connector: id, fits: missing.isEmpty && (matched * 2 > spec.fields.count || own), matched: matched,
                    fieldCount: spec.fields.count,
                    missing: missing.map(\.name), headerLine: row.line,
                    unknownColumns: row.fields.indices.filter { !used.contains($0) && !row.fields[$0].isEmpty }.map { row.fields[$0] })
                if best == nil || Self.isBetter(detection, than: best!) { best = detection }
            }
            if let best, best.matched > 0 { out.append(best) }
        }
        return (out.sorted { Self.isBetter($0, than: $1) }, unreadable)
    }

    /// The one connector that fits best, or why there is none.
    package func choose(path: String, display: String, fingerprint: FileFingerprint) -> Result<Detection, DetectionError> {
        let (ranked, unreadable) = ranking(path: path, display: display, fingerprint: fingerprint)
        let fitting = ranked.filter(\.fits)
        if ranked.isEmpty, let unreadable { return .failure(.unreadable(file: display, reason: unreadable)) }
        guard let top = fitting.first else { return .failure(.noMatch(file: display, nearest: Array(ranked.prefix(2)))) }
        let tied = fitting.filter { $0.matched == top.matched }
        guard tied.count == 1 else { return .failure(.ambiguous(file: display, candidates: tied.map(\.connector))) }
        return .success(top)
    }

    private struct Layout: Hashable {
        var format: SourceFormat
        var encoding: SourceEncoding
        var rows: Int
    }

    private static func isBetter(_ a: Detection, than b: Detection) -> Bool {
        if a.fits != b.fits { return a.fits }
        if a.matched != b.matched { return a.matched > b.matched }
        return a.connector < b.connector
    }

    /// The rows a header may be: the keys of a JSON/XML document, or a sheet's or CSV's first rows.
    /// Throws when the file cannot be opened in the spec's format at all.
    private static func headerCandidates(_ spec: CompiledSpec, path: String, context: SourceContext) throws -> [SourceRow] {
        var opened = try RowSourceFactory.open(spec, path: path, context: context)
        if let header = opened.header { return [header] }
        var rows: [SourceRow] = []
        for _ in 0..<spec.headerSearchRows {
            guard let row = try? opened.source.next() else { break }
            rows.append(row)
        }
        return rows
    }
}

/// Why a file could not be routed to a connector.
package enum DetectionError: Error, Sendable, Equatable, CustomStringConvertible {
    /// No connector fits; the two nearest, best first.
    case noMatch(file: String, nearest: [Detection])
    case ambiguous(file: String, candidates: [String])
    /// No connector's format could open it (truncated JSON, a damaged workbook): the reader's reason.
    case unreadable(file: String, reason: Bilingual)

    package var description: String { sentence.en }

    package var sentence: Bilingual {
        switch self {
        case .noMatch(let file, let nearest):
            var text = Bilingual("\(file): no connector fits its header", "\(file)：没有连接器符合它的表头")
            if !nearest.isEmpty {
                text = text + Bilingual("; nearest: ", "；最接近的：") + Bilingual.joined(nearest.map { detection in
                    let missing = detection.missing.map { "`\($0)`" }
                    return Bilingual("`\(detection.connector)` (\(detection.matched) of \(detection.fieldCount) columns"
                                         + (missing.isEmpty ? ", too few to be sure)" : ", missing " + missing.joined(separator: ", ") + ")"),
                                     "`\(detection.connector)`（\(detection.fieldCount) 列中符合 \(detection.matched) 列"
                                         + (missing.isEmpty ? "，太少，无法确定）" : "，缺少 " + missing.joined(separator: "、") + "）"))
                }, en: ", ", zh: "；")
            }
            return text + Bilingual("\n  name a connector for it in `sources:` of kpibridge.yaml, or check it with `kpibridge connectors detect`",
                                    "\n  请在 kpibridge.yaml 的 `sources:` 中为它指定连接器，或用 `kpibridge connectors detect` 检查")
        case .unreadable(_, let reason):
            return reason
        case .ambiguous(let file, let candidates):
            let named = candidates.map { "`\($0)`" }
            return Bilingual("\(file): several connectors fit its header equally well: " + named.joined(separator: ", ")
                                 + "\n  name the right one in `sources:` of kpibridge.yaml",
                             "\(file)：有几个连接器同样符合它的表头：" + named.joined(separator: "、")
                                 + "\n  请在 kpibridge.yaml 的 `sources:` 中指定正确的那个")
        }
    }
}
