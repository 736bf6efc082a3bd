import Foundation
import KPIPipeline
import KPISchema
import KPIText
import Testing

/// `--format json` of status, validate and explain: one object a monitor or script parses.
@Suite struct JSONOutputTests {
    static func object(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test func statusValidateAndExplainParse() throws {
        let ws = try TemporaryWorkspace()
        try ws.write("inbox/team/roster.csv", ScoringWorkspaceTests.roster)
        try ws.write("inbox/team/ratings_202610.csv", ScoringWorkspaceTests.ratings)
        try ws.write("scorecards.yaml", ScoringWorkspaceTests.scorecards)
        _ = try ws.pipeline().run()

        let status = try Self.object(try RunHistory.load(try ws.pipeline(), limit: 5).json)
        let runs = try #require(status["runs"] as? [[String: Any]])
        #expect(runs.count == 1 && runs[0]["status"] as? String == "ok" && runs[0]["exit_code"] as? Int == 0)
        #expect(runs[0]["files_read"] as? Int == 6 && status["running"] is NSNull)

        let pipeline = try ws.pipeline()
        // The fixture's roster has an intern no scorecard covers.
        let valid = try Self.object(Confirmations.validation(pipeline.workspace, problems: try pipeline.validate()))
        #expect(valid["ok"] as? Bool == false && valid["sources"] as? Int == 3 && valid["scorecards"] as? Int == 1)
        #expect((valid["problems"] as? [String]) == ["inbox/team/roster.csv:3: employee E9 (小李) has role `实习生`, which no scorecard covers; map it under `roles:` in scorecards.yaml"])

        // ScoringWorkspaceTests: E1's October card totals 92.17, grade B.
        let report = try ScoreReport.load(period: Period(grain: .month, start: CivilDate(iso: "2026-10-01")!, end: CivilDate(iso: "2026-10-31")!),
                                          store: pipeline.store)
        let card = try Self.object(try report.explainJSON("E1"))
        let lines = try #require(card["lines"] as? [[String: Any]])
        #expect(lines.last?["line"] as? String == "total" && lines.last?["total"] as? Double == 92.17 && lines.last?["grade"] as? String == "B")
        #expect(lines.dropLast().allSatisfy { $0["scope_id"] as? String == "E1" })
    }
}
