import KPISchema
import Testing

@Suite struct DisplayLanguageTests {
    @Test func theFlagThenKpibridgeLangThenTheLocale() {
        #expect(DisplayLanguage.resolve(.en, environment: ["KPIBRIDGE_LANG": "zh"]) == .en)
        #expect(DisplayLanguage.resolve(nil, environment: ["KPIBRIDGE_LANG": "zh", "LANG": "en_US.UTF-8"]) == .zh)
        #expect(DisplayLanguage.resolve(nil, environment: ["KPIBRIDGE_LANG": "en", "LC_ALL": "zh_CN.UTF-8"]) == .en)
        // LC_ALL overrides LC_MESSAGES, which overrides LANG, as in C programs.
        #expect(DisplayLanguage.resolve(nil, environment: ["LC_ALL": "zh_CN.GB18030", "LANG": "en_US.UTF-8"]) == .zh)
        #expect(DisplayLanguage.resolve(nil, environment: ["LC_MESSAGES": "en_US.UTF-8", "LANG": "zh_TW.UTF-8"]) == .en)
        #expect(DisplayLanguage.resolve(nil, environment: ["LANG": "zh_CN.UTF-8"]) == .zh)
        // An empty variable is unset; C and POSIX name no language.
        #expect(DisplayLanguage.resolve(nil, environment: ["LC_ALL": "", "LANG": "zh_CN.UTF-8"]) == .zh)
        #expect(DisplayLanguage.resolve(nil, environment: ["LANG": "C.UTF-8"]) == .en)
        #expect(DisplayLanguage.resolve(nil, environment: [:]) == .en)
    }

    /// Every display name exists in both languages: English with no Chinese in it, Chinese with some.
    @Test func everyNameHasBothLanguages() {
        let catalog = DisplayNames.catalog
        #expect(catalog.count > 150)
        func chinese(_ text: String) -> Bool { text.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) } }
        let missing = catalog.filter { $0.en.isEmpty || $0.zh.isEmpty || chinese($0.en) || !chinese($0.zh) }
        #expect(missing.map { "\($0.table).\($0.key)" } == [])
    }

    @Test func aSentenceJoinsEachLanguageItsOwnWay() {
        let parts = [Bilingual("tax USD 1.00", "税费 USD 1.00"), Bilingual("counted differently", "计值不同")]
        let joined = Bilingual("order X ", "订单 X ") + .joined(parts)
        #expect(joined(.en) == "order X tax USD 1.00; counted differently")
        #expect(joined(.zh) == "订单 X 税费 USD 1.00；计值不同")
    }
}
