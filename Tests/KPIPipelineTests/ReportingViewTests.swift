import Foundation
import KPIPipeline
import KPIStoreTesting
import Testing

/// The views a BI tool reads hold exactly the fact rows they name, with friendly period labels.
@Suite struct ReportingViewTests {
    @Test(arguments: StoreBackend.available) func viewsShowFactRowsWithoutJoins(_ backend: StoreBackend) throws {
        let ws = try TemporaryWorkspace(backend: backend)
        try ws.write("inbox/team/roster.csv", ScoringWorkspaceTests.roster)
        try ws.write("inbox/team/ratings_202610.csv", ScoringWorkspaceTests.ratings)
        try ws.write("scorecards.yaml", ScoringWorkspaceTests.scorecards)
        _ = try ws.pipeline().run()
        // cn's October AOV (RunTests: 246.55 from 4 orders), by month and by quarter (October → Q4).
        let definition = "cn/v1 timezone=Asia/Shanghai sales=gross tax=excluded shipping=excluded currency=CNY"
        #expect(try ws.export("v_kpi_monthly").contains("\r\n2026-10,company,all,aov,cn,246.55,currency,CNY,4,\(definition)\r\n"))
        #expect(try ws.export("v_kpi_quarterly").contains("\r\n2026-Q4,company,all,aov,cn,246.55,currency,CNY,4,\(definition)\r\n"))
        #expect(try ws.export("v_kpi_quarterly").contains("\r\n2026-Q3,"))
        // The card's total row only (ScoringWorkspaceTests: 92.17, B).
        let cards = try ws.export("v_scorecard").split(separator: "\r\n")
        #expect(cards.first == "grain,period_start,period_end,scope_type,scope_id,name,role,scorecard,total,grade,veto")
        #expect(cards.contains("month,2026-10-01,2026-10-31,employee,E1,王芳,平台运营,ops,92.17,B,"))
        // Every monthly fact row appears once in the view.
        let monthly = try ws.export("fact_metric").split(separator: "\r\n").filter { $0.hasPrefix("month,") }.count
        #expect(try ws.export("v_kpi_monthly").split(separator: "\r\n").count == monthly + 1)
    }
}
