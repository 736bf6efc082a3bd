import Foundation
import KPISchema
import KPIStore

// Fact rows read back from the store into the types that wrote them. A row that does not decode
// (a hand-edited store) is skipped by the caller rather than shown half-read.

extension ScoreFact {
    package init?(_ row: StoredRow) {
        guard let grain = row.grain(), let start = row.date("period_start"), let end = row.date("period_end"),
              let scope = row.scope(), let weight = row.decimal("weight"), let effective = row.decimal("effective_weight")
        else { return nil }
        self.init(grain: grain, periodStart: start, periodEnd: end, scopeType: scope, scopeID: row.string("scope_id"),
                  name: row.string("name"), role: row.string("role"), scorecard: row.string("scorecard"),
                  line: row.string("line"), profile: row.text("profile"), definition: row.text("definition"),
                  target: row.decimal("target"), targetBasis: row.bilingual("target_basis"), actual: row.decimal("actual"),
                  recordCount: row.int("record_count"), achievement: row.decimal("achievement"),
                  achievementUncapped: row.decimal("achievement_uncapped"), weight: weight,
                  effectiveWeight: effective, points: row.decimal("points"), total: row.decimal("total"),
                  grade: row.string("grade"), veto: row.bilingual("veto"), note: row.bilingual("note"))
        bonus = row.decimal("bonus_coefficient")
        review = row.bilingual("review")
    }
}

extension PacingFact {
    package init?(_ row: StoredRow) {
        guard let grain = row.grain(), let start = row.date("period_start"), let end = row.date("period_end"),
              let asOf = row.date("as_of"), let share = row.decimal("elapsed_share"), let scope = row.scope(),
              let target = row.decimal("target"), let actual = row.decimal("actual"),
              let projected = row.decimal("projected"), let gap = row.decimal("gap"),
              let status = row.text("status").flatMap(Status.init(rawValue:))
        else { return nil }
        self.init(grain: grain, periodStart: start, periodEnd: end, asOf: asOf, elapsedShare: share, scopeType: scope,
                  scopeID: row.string("scope_id"), scorecard: row.string("scorecard"), line: row.string("line"),
                  target: target, actual: actual, projected: projected, gap: gap, status: status)
    }
}

extension ReconciliationFact {
    package init?(_ row: StoredRow) {
        guard let grain = row.grain(), let start = row.date("period_start"), let end = row.date("period_end"),
              let scope = row.scope() else { return nil }
        self.init(grain: grain, periodStart: start, periodEnd: end, scopeType: scope, scopeID: row.string("scope_id"),
                  metric: row.string("metric"), profileA: row.string("profile_a"), definitionA: row.string("definition_a"),
                  valueA: row.decimal("value_a"), profileB: row.string("profile_b"), definitionB: row.string("definition_b"),
                  valueB: row.decimal("value_b"), valueBInA: row.decimal("value_b_in_a"), delta: row.decimal("delta"),
                  unit: row.string("unit"), currency: row.text("currency"),
                  differingConcepts: row.string("differing_concepts"), recordsOnlyA: row.int("records_only_a") ?? 0,
                  recordsOnlyB: row.int("records_only_b") ?? 0, recordsDiffering: row.int("records_differing") ?? 0)
    }
}

extension BridgeStep {
    package init?(_ row: StoredRow) {
        guard let grain = row.grain(), let start = row.date("period_start"), let end = row.date("period_end"),
              let scope = row.scope(), let step = row.int("step"), let kind = Kind(code: row.string("cause")) else { return nil }
        self.init(grain: grain, periodStart: start, periodEnd: end, scopeType: scope, scopeID: row.string("scope_id"),
                  metric: row.string("metric"), profileA: row.string("profile_a"), profileB: row.string("profile_b"),
                  step: step, kind: kind, effect: row.decimal("effect"), value: row.decimal("value"),
                  records: row.int("records"), unit: row.string("unit"), currency: row.text("currency"),
                  convertedFrom: row.text("converted_from"))
    }
}

extension ReconciliationDetail {
    package init?(_ row: StoredRow) {
        guard let grain = row.grain(), let start = row.date("period_start") else { return nil }
        self.init(grain: grain, periodStart: start, metric: row.string("metric"), profileA: row.string("profile_a"),
                  profileB: row.string("profile_b"), recordKind: row.string("record_kind"), recordID: row.string("record_id"),
                  platform: row.string("platform"), shop: row.string("shop"), inA: row.int("in_a") == 1,
                  inB: row.int("in_b") == 1, valueA: row.decimal("value_a"), valueBInA: row.decimal("value_b_in_a"),
                  reasons: row.string("reasons").split(separator: ",").compactMap { ReconcileReason(rawValue: String($0)) },
                  explanation: row.bilingual("explanation") ?? .empty, sourceFile: row.string("source_file"),
                  sourceLine: row.int("source_line") ?? 0)
    }
}

extension RunRecord {
    package init?(_ row: StoredRow) {
        guard let id = row.int("id") else { return nil }
        self.init(id: Int64(id), command: row.string("command"), startedAt: row.string("started_at"),
                  finishedAt: row.text("finished_at"), status: row.string("status"), exitCode: row.int("exit_code"),
                  filesRead: row.int("files_read") ?? 0, filesSkipped: row.int("files_skipped") ?? 0,
                  rowsLoaded: row.int("rows_loaded") ?? 0, rowsQuarantined: row.int("rows_quarantined") ?? 0,
                  message: row.text("message").map { english in
                      func first(_ text: String) -> String { text.split(separator: "\n").first.map(String.init) ?? "" }
                      return Bilingual(first(english), row.text("message_zh").map(first) ?? first(english))
                  })
    }
}
