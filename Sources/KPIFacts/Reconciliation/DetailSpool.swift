import Foundation
import KPISchema

/// Reconciliation detail rows parked in a ``SpoolFile`` while the order pass produces them, then read back
/// one at a time as the store writes them.
///
/// At a million order lines the two profiles of a typical workspace differ on some 650,000 record-periods;
/// held as values they were most of a run's memory, and memory grew with the input.
package final class DetailSpool {
    private let file: SpoolFile
    private static let fieldCount = 18

    /// Rows appended so far.
    package var count: Int { file.count }

    /// Opens an empty spool in `directory` (the system's temporary directory by default).
    package init(directory: URL = FileManager.default.temporaryDirectory) throws {
        file = try SpoolFile(name: "detail", directory: directory)
    }

    /// Adds one row. A write error is kept and thrown by ``rows()``.
    package func append(_ d: ReconciliationDetail) {
        file.append([d.grain.rawValue, d.periodStart.description, d.metric, d.profileA, d.profileB, d.recordKind, d.recordID,
                     d.platform, d.shop, d.inA ? "1" : "0", d.inB ? "1" : "0", d.valueA?.description, d.valueBInA?.description,
                     d.reasons.map(\.rawValue).joined(separator: ","), d.explanation.en, d.sourceFile, String(d.sourceLine),
                     d.explanation.zh])
    }

    /// The rows in the order they were appended; reading them again starts from the first.
    package func rows() throws -> DetailRows {
        let next = try file.rows()
        return DetailRows {
            guard let (fields, line) = try next() else { return nil }
            return try Self.decode(fields, line: line)
        }
    }

    private static func decode(_ fields: [String?], line number: Int) throws -> ReconciliationDetail {
        func bad() -> SpoolFile.SpoolError { SpoolFile.SpoolError(spool: "reconciliation detail", line: number) }
        guard fields.count == fieldCount, let grain = Grain(rawValue: fields[0] ?? ""),
              let start = CivilDate(iso: fields[1] ?? ""), let line = Int(fields[16] ?? "") else { throw bad() }
        var reasons: [ReconcileReason] = []
        for raw in (fields[13] ?? "").split(separator: ",") {
            guard let reason = ReconcileReason(rawValue: String(raw)) else { throw bad() }
            reasons.append(reason)
        }
        func decimal(_ text: String?) throws -> Decimal? {
            guard let text else { return nil }
            guard let value = Decimal(plain: text) else { throw bad() }
            return value
        }
        return ReconciliationDetail(
            grain: grain, periodStart: start, metric: fields[2] ?? "", profileA: fields[3] ?? "", profileB: fields[4] ?? "",
            recordKind: fields[5] ?? "", recordID: fields[6] ?? "", platform: fields[7] ?? "", shop: fields[8] ?? "",
            inA: fields[9] == "1", inB: fields[10] == "1", valueA: try decimal(fields[11]), valueBInA: try decimal(fields[12]),
            reasons: reasons, explanation: Bilingual(fields[14] ?? "", fields[17] ?? ""), sourceFile: fields[15] ?? "", sourceLine: line)
    }
}
