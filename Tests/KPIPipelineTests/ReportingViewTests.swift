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
        // Each row carries the period's dates and zone, and the metric's labels in both languages.
        let monthly = try ws.export("v_kpi_monthly")
        #expect(monthly.hasPrefix("month,period_start,period_end,timezone,scope_type,scope_id,scope_name,metric,metric_zh,metric_en,"
                                  + "profile,value,unit,currency,record_count,definition\r\n"))
        #expect(monthly.contains("\r\n2026-10,2026-10-01,2026-10-31,Asia/Shanghai,company,all,,aov,客单价,Average order value,cn,246.55,currency,CNY,4,\(definition)\r\n"))
        #expect(try ws.export("v_kpi_quarterly").contains("\r\n2026-Q4,2026-10-01,2026-12-31,Asia/Shanghai,company,all,,aov,客单价,Average order value,cn,246.55,currency,CNY,4,\(definition)\r\n"))
        // An employee's rows name them (the roster's 王芳 for E1).
        #expect(monthly.contains(",employee,E1,王芳,gmv,销售额,Sales (GMV),cn,"))
        #expect(try ws.export("v_kpi_quarterly").contains("\r\n2026-Q3,"))
        // The card's total row only (ScoringWorkspaceTests: 92.17, B).
        let cards = try ws.export("v_scorecard").split(separator: "\r\n")
        #expect(cards.first == "grain,period_start,period_end,scope_type,scope_id,name,role,scorecard,total,grade,veto")
        #expect(cards.contains("month,2026-10-01,2026-10-31,employee,E1,王芳,平台运营,ops,92.17,B,"))
        // Every monthly fact row appears once in the view.
        let facts = try ws.export("fact_metric").split(separator: "\r\n").filter { $0.hasPrefix("month,") }.count
        #expect(monthly.split(separator: "\r\n").count == facts + 1)
        // Dimensions: the roster, the shops with orders, the metric catalog.
        #expect(try ws.export("dim_employee").split(separator: "\r\n").first == "employee_id,name,team,role,shift,hired_on,left_on,timezone,shops,provider")
        #expect(try ws.export("dim_employee").contains("\r\nE1,王芳,"))
        let shops = try ws.export("dim_shop").split(separator: "\r\n").map(String.init)
        #expect(shops.first == "shop,platform,orders,first_purchased_at,last_purchased_at")
        #expect(shops.contains { $0.hasPrefix("amazon-us,amazon,") })
        let metrics = try ws.export("dim_metric").split(separator: "\r\n").map(String.init)
        #expect(metrics.first == "metric,label_zh,label_en,unit,direction")
        #expect(metrics.contains("first_response_hours,首次响应时长(小时),First response hours,hours,lower"))
        #expect(metrics.contains("gmv,销售额,Sales (GMV),currency,higher"))
    }
}
