import Foundation
import KPIPipeline
import KPISchema
import Testing

/// Settings that would give a wrong number with exit 0 if read as written are refused before a run, each
/// naming the file, the place and what to write instead.
@Suite struct WrongNumberGuardTests {
    static func refusal(_ file: String, replacing old: String, with new: String) throws -> Bilingual? {
        let ws = try TemporaryWorkspace.sample()
        let text = try String(contentsOfFile: ws.path + "/" + file, encoding: .utf8)
        try #require(text.contains(old), "\(file) no longer holds \(old)")
        try ws.write(file, text.replacingOccurrences(of: old, with: new))
        return pipelineError { _ = try ws.pipeline().validate() }?.sentence
    }

    /// `7,1316` (a decimal comma) read as the rate 7 and a stray cell would convert every USD amount of the day
    /// at 7: the row is refused at the cell past the header.
    @Test func aRateSplitByADecimalCommaIsRefused() throws {
        let sentence = try Self.refusal("fx_rates.csv", replacing: "2026-08-25,USD,CNY,7.1316", with: "2026-08-25,USD,CNY,7,1316")
        #expect(sentence == Bilingual(
            "fx_rates.csv:3:5: `1316` is a cell beyond the header's 4 columns (a decimal comma? write rates with a point, 7.1316, or quote the cell)",
            "fx_rates.csv:3:5：`1316` 超出了表头的 4 列（是不是用了小数逗号？汇率请用小数点，如 7.1316，或给单元格加引号）"))
        let empty = try Self.refusal("fx_rates.csv", replacing: "2026-08-25,USD,CNY,7.1316", with: "2026-08-25,USD,CNY,")
        #expect(empty == Bilingual("fx_rates.csv:3:4: the rate is missing", "fx_rates.csv:3:4：缺少汇率"))
    }

    @Test func aNegativeCarryIsRefused() throws {
        let sentence = try Self.refusal("definitions.yaml", replacing: "max_carry_days: 4", with: "max_carry_days: -1")
        #expect(sentence == Bilingual("definitions.yaml: `fx.max_carry_days` must be 0 or more days, not -1",
                                      "definitions.yaml：`fx.max_carry_days` 应为 0 或更多天，而不是 -1"))
    }

    /// A grade without a bonus coefficient would leave someone's pay to a default nobody wrote; a key that is
    /// no grade (a typo) would never apply.
    @Test func aBonusMissingAGradeOrNamingNoneIsAProblem() throws {
        let ws = try TemporaryWorkspace.sample()
        let text = try String(contentsOfFile: ws.path + "/scorecards.yaml", encoding: .utf8)
        let old = "bonus: {S: 1.5, A: 1.2, B: 1.0, C: 0.8, D: 0, VETO: 0}"
        try #require(text.contains(old))
        try ws.write("scorecards.yaml", text.replacingOccurrences(of: old, with: "bonus: {S: 1.5, A: 1.2, B: 1.0, c: 0.8, D: 0}"))
        let problems = try ws.pipeline().validate()
        #expect(problems.contains(Bilingual("scorecards.yaml: `bonus.c` is not a grade (grades: S, A, B, C, D, VETO) (did you mean `C`?)",
                                            "scorecards.yaml：`bonus.c` 不是等级（可用等级：S、A、B、C、D、VETO）（是不是 `C`？）")))
        #expect(problems.contains(Bilingual("scorecards.yaml: `bonus` lists no coefficient for C: give every grade one (0 for none)",
                                            "scorecards.yaml：`bonus` 没有给出 C 的系数：每个等级都要写（不发放写 0）")))
    }

    /// A temporary target without a start would be in force from the beginning of time until its end.
    @Test func aTemporaryTargetWithoutAStartIsRefused() throws {
        let sentence = try Self.refusal("scorecards.yaml", replacing: "{value: 210, from: 2026-10-16}", with: "{value: 210, until: 2026-10-16}")
        #expect(sentence == Bilingual(
            "scorecards.yaml: `scorecards.platform_ops.lines[2].targets[1].until` needs a `from` on or before it: a temporary target says when it starts and ends",
            "scorecards.yaml：`scorecards.platform_ops.lines[2].targets[1].until` 需要一个不晚于它的 `from`：临时目标要写明开始和结束日期"))
    }

    /// A severity rule that is neither `veto` nor points would score the violation some other way than written.
    @Test func aSeverityRuleThatIsNeitherVetoNorPointsIsRefused() throws {
        let sentence = try Self.refusal("scorecards.yaml", replacing: "veto: [fake_orders,",
                                        with: "veto_severity: {严重: vetoes, 一般: 10}\nveto: [fake_orders,")
        #expect(sentence == Bilingual(
            "scorecards.yaml: `veto_severity.严重` `vetoes` is neither `veto` nor the points to take off the total (e.g. 10)",
            "scorecards.yaml：`veto_severity.严重` `vetoes` 既不是 `veto`，也不是要从总分中扣除的分数（例如 10）"))
    }

    /// Bands written best first with a rising minimum would give S to 90–95 and A above it.
    @Test func gradesOutOfOrderAreRefused() throws {
        let sentence = try Self.refusal("scorecards.yaml", replacing: "grades: {S: 110, A: 95,", with: "grades: {S: 90, A: 95,")
        #expect(sentence == Bilingual(
            "scorecards.yaml: `grades.A` (95) needs a lower minimum than `S` (90) above it: list grades best first",
            "scorecards.yaml：`grades.A` （95）的下限应低于上面的 `S`（90）：等级请从高到低排列"))
    }

    @Test func pacingBandsOutOfOrderAreRefused() throws {
        let sentence = try Self.refusal("scorecards.yaml", replacing: "pacing: {on_track: 0.165, behind: 0.33}",
                                        with: "pacing: {on_track: 0.33, behind: 0.165}")
        #expect(sentence?.en == "scorecards.yaml: `pacing.behind` (0.165) is a larger shortfall than `on_track` (0.33) allows, so it must not be smaller")
    }

    /// A misspelt zone on a source failed each of its files at load, blamed on the connector; now the
    /// workspace does not open, naming kpibridge.yaml.
    @Test func aMisspeltSourceZoneIsRefusedWhereItIsWritten() throws {
        let sentence = try Self.refusal("kpibridge.yaml", replacing: "    files: inbox/amazon/*.txt\n    shop: amazon-us\n",
                                        with: "    files: inbox/amazon/*.txt\n    shop: amazon-us\n    timezone: America/LosAngeles\n")
        #expect(sentence == Bilingual(
            "kpibridge.yaml: source `inbox/amazon/*.txt`: timezone `America/LosAngeles` is not an IANA zone name (Asia/Shanghai) or offset (+08:00)",
            "kpibridge.yaml：数据源 `inbox/amazon/*.txt`：时区 `America/LosAngeles` 不是 IANA 时区名（如 Asia/Shanghai）也不是偏移量（如 +08:00）"))
    }

    /// A veto kind spelt unlike any the violations connectors write would never veto: validate warns, naming
    /// the kinds there are and the closest.
    @Test func aVetoKindNoViolationCanCarryIsWarnedOf() throws {
        let ws = try TemporaryWorkspace.sample()
        let text = try String(contentsOfFile: ws.path + "/scorecards.yaml", encoding: .utf8)
        try ws.write("scorecards.yaml", text.replacingOccurrences(of: "veto: [fake_orders,", with: "veto: [fake_order,"))
        let warnings = ValidateJob(pipeline: try ws.pipeline()).warnings(.en)
        #expect(warnings.contains("scorecards.yaml: `veto` names `fake_order`, which no violations connector maps a type to (they map to "
                                  + "account_suspended, fake_orders, false_advertising): only a sheet whose type column says `fake_order` "
                                  + "word for word would veto (did you mean `fake_orders`?)"))
        try ws.write("scorecards.yaml", text)
        #expect(ValidateJob(pipeline: try ws.pipeline()).warnings(.en).allSatisfy { !$0.contains("`veto`") })
    }
}
