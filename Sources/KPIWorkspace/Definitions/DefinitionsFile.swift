import Foundation
import KPIFacts
import KPISchema
import Yams

/// `definitions.yaml`: the profiles (`cn`, `us`, …), their dated versions, the shift calendars
/// business-hour response times use, and which profiles to reconcile.
package struct DefinitionsFile: Sendable {
    package var definitions: DefinitionSet
    package var maxCarryDays: Int
    package var pairs: [ProfilePair]
    package var detailGrains: Set<Grain>
    package var calendars: [String: ShiftCalendar]

    package static let versionKeys = ["version", "effective_from", "description", "description_zh", "timezone", "shipped", "sales", "tax", "shipping",
                              "currency", "ship_sla_hours", "inventory", "response_time", "business_calendar",
                              "response_sla_hours", "ad_attribution", "cogs_basis", "margin_fees", "complaint_tags",
                              "repurchase_window"]

    /// Reads and validates the file at `path`; every problem names the file and the dotted key.
    package static func load(path: String, display: String) throws(PipelineError) -> DefinitionsFile {
        let top = try StrictMapping.root(path: path, display: display, what: Bilingual("definitions", "口径定义"))
        try top.check(allowed: ["profiles", "calendars", "reconcile", "fx"])
        var calendars: [String: ShiftCalendar] = [:]
        if let section = try top.mapping("calendars") {
            for name in section.keys.sorted() {
                calendars[name] = try calendar(name, try section.mapping(name)!)
            }
        }
        guard let profilesSection = try top.mapping("profiles"), !profilesSection.keys.isEmpty else {
            throw .failed(Bilingual("\(display): no profiles defined; add `profiles:` with at least one profile",
                                    "\(display)：没有定义口径；请添加 `profiles:`，至少写一个口径"))
        }
        var versions: [DefinitionProfile] = []
        for name in profilesSection.keys.sorted() {
            guard name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || $0 == "-") }) else {
                throw profilesSection.error(name, Bilingual("is not a usable profile name: use only letters, digits, - and _",
                                                           "不能用作口径名：只能用字母、数字、- 和 _"))
            }
            versions += try profile(name, try profilesSection.mapping(name)!, calendars: calendars)
        }
        let set = DefinitionSet(versions)

        var pairs: [ProfilePair]?
        var detailGrains: Set<Grain> = [.month]
        if let section = try top.mapping("reconcile") {
            try section.check(allowed: ["pairs", "detail_grains"])
            if let node = section.node("pairs") {
                guard case .sequence(let items) = node else {
                    throw section.error("pairs", Bilingual("must be a list of pairs, like [[cn, us]]", "应是成对的列表，如 `[[cn, us]]`"))
                }
                var listed: [ProfilePair] = []
                for (index, item) in items.enumerated() {
                    let names = item.sequence?.compactMap(\.string) ?? []
                    guard names.count == 2, names[0] != names[1] else {
                        throw section.error("pairs[\(index)]", Bilingual("must name two different profiles, like [cn, us]",
                                                                   "应写两个不同的口径，如 `[cn, us]`"))
                    }
                    for name in names where set.versions(of: name).isEmpty {
                        throw section.error("pairs[\(index)]", Bilingual(
                            "names `\(name)`, which is not a profile (profiles: \(set.names.joined(separator: ", ")))",
                            "写了 `\(name)`，但它不是口径（已有口径：\(set.names.joined(separator: "、"))）"))
                    }
                    listed.append(ProfilePair(names[0], names[1]))
                }
                pairs = listed
            }
            if let grains = try section.choices("detail_grains", Grain.self) { detailGrains = Set(grains) }
        }
        // By default every two profiles are compared, in name order.
        let compared = pairs ?? set.names.enumerated().flatMap { i, a in set.names[(i + 1)...].map { ProfilePair(a, $0) } }
        var maxCarryDays = 7
        if let fx = try top.mapping("fx") {
            try fx.check(allowed: ["max_carry_days"])
            maxCarryDays = try fx.int("max_carry_days") ?? 7
            guard maxCarryDays >= 0 else {
                throw fx.error("max_carry_days", Bilingual("must be 0 or more days, not \(maxCarryDays)", "应为 0 或更多天，而不是 \(maxCarryDays)"))
            }
        }
        return DefinitionsFile(definitions: set, maxCarryDays: maxCarryDays, pairs: compared, detailGrains: detailGrains,
                               calendars: calendars)
    }

    /// A profile's versions: either a `versions:` list, each inheriting what it does not say from the
    /// one before, or the variants directly under the profile (one version).
    private static func profile(_ name: String, _ section: StrictMapping,
                                calendars: [String: ShiftCalendar]) throws(PipelineError) -> [DefinitionProfile] {
        var entries: [StrictMapping] = []
        if let node = section.node("versions") {
            try section.check(allowed: ["description", "description_zh", "versions"])
            guard case .sequence(let items) = node, !items.isEmpty else {
                throw section.error("versions", Bilingual("must be a list with at least one version", "应是列表，至少含一个版本"))
            }
            for (index, item) in items.enumerated() {
                entries.append(try StrictMapping(item, file: section.file, path: section.here("versions[\(index)]")))
            }
        } else {
            entries = [section]
        }
        let profileDescription = try section.string("description"), profileDescriptionZh = try section.string("description_zh")
        var inherited: [String: String] = [:]
        var out: [DefinitionProfile] = []
        for entry in entries {
            try entry.check(allowed: versionKeys)
            for key in versionKeys where !["version", "effective_from", "description", "description_zh"].contains(key) {
                if let value = try entry.string(key) { inherited[key] = value }
            }
            guard let number = try entry.int("version") else {
                throw entry.error("version", Bilingual("is missing; number each version (1, 2, …) and bump it when a variant changes",
                                                      "缺失；请给每个版本编号（1、2、…），任何口径项改动时都要递增"))
            }
            var effective: CivilDate?
            if let text = try entry.string("effective_from") {
                guard let date = CivilDate(iso: text) else {
                    throw entry.error("effective_from", Bilingual("`\(text)` is not a date; expected YYYY-MM-DD", "`\(text)` 不是日期；应为 YYYY-MM-DD"))
                }
                effective = date
            }
            if let previous = out.last {
                guard number > previous.version else {
                    throw entry.error("version", Bilingual("\(number) must be greater than the version before it (\(previous.version))",
                                                      "\(number) 应大于前一个版本号（\(previous.version)）"))
                }
                guard let effective else {
                    throw entry.error("effective_from", Bilingual("is missing; a later version needs the date its periods start from",
                                                             "缺失；后续版本需要写明从哪一天起的周期适用它"))
                }
                if let earlier = previous.effectiveFrom, effective <= earlier {
                    throw entry.error("effective_from", Bilingual("\(effective) must be after version \(previous.version)'s \(earlier)",
                                                             "\(effective) 应晚于版本 \(previous.version) 的 \(earlier)"))
                }
            }
            var profile = try version(name, number, effective, description: try entry.string("description") ?? profileDescription,
                                      inherited, entry, calendars: calendars)
            // A version that writes its own description says it in the languages it writes; the profile's
            // Chinese would describe another version.
            let ownDescription = try entry.string("description") != nil
            profile.descriptionZh = try entry.string("description_zh") ?? (ownDescription ? nil : profileDescriptionZh)
            out.append(profile)
        }
        return out
    }

    private static func version(_ name: String, _ number: Int, _ effective: CivilDate?, description: String?,
                                _ values: [String: String], _ entry: StrictMapping,
                                calendars: [String: ShiftCalendar]) throws(PipelineError) -> DefinitionProfile {
        func required(_ key: String) throws(PipelineError) -> String {
            guard let value = values[key] else {
                throw entry.error(key, Bilingual("is missing (profile `\(name)` version \(number))", "缺失（口径 `\(name)` 版本 \(number)）"))
            }
            return value
        }
        func notOneOf(_ key: String, _ allowed: Bilingual) -> PipelineError {
            entry.error(key, Bilingual("`\(values[key] ?? "")` is not one of \(allowed.en)", "`\(values[key] ?? "")` 不在可选值之中：\(allowed.zh)"))
        }
        // Values written as code (`gross, net`) are listed alike in both languages, joined with `、` in Chinese.
        func bad(_ key: String, _ allowed: String) -> PipelineError {
            notOneOf(key, Bilingual(allowed, allowed.replacingOccurrences(of: ", ", with: "、")))
        }
        func hours(_ key: String, default fallback: Int) throws(PipelineError) -> Int {
            guard let text = values[key] else { return fallback }
            guard let value = Int(text), value > 0 else {
                throw entry.error(key, Bilingual("`\(text)` is not a positive whole number of hours", "`\(text)` 不是正整数小时数"))
            }
            return value
        }
        func inclusion(_ key: String) throws(PipelineError) -> Bool {
            switch values[key] ?? "excluded" {
            case "included": return true
            case "excluded": return false
            default: throw bad(key, "included, excluded")
            }
        }
        guard let zone = Zone(try required("timezone")) else {
            throw notOneOf("timezone", Bilingual("IANA zone names such as Asia/Shanghai", "IANA 时区名，如 Asia/Shanghai"))
        }
        guard let shipped = FulfillmentEventKind(rawValue: try required("shipped")), shipped != .delivered else {
            throw bad("shipped", "label_printed, outbound, carrier_first_scan")
        }
        guard let sales = SalesBasis(rawValue: try required("sales")) else { throw bad("sales", "gross, net") }
        let currency = try required("currency")
        guard FXTable.isCurrencyCode(currency) else {
            throw notOneOf("currency", Bilingual("ISO 4217 codes such as USD, CNY", "ISO 4217 币种代码，如 USD、CNY"))
        }
        guard let inventory = InventoryBasis(rawValue: values["inventory"] ?? "system") else { throw bad("inventory", "system, counted") }
        guard let window = AdAttribution(rawValue: values["ad_attribution"] ?? "7d") else { throw bad("ad_attribution", "7d, 14d") }
        guard let costBasis = CostBasis(rawValue: values["cogs_basis"] ?? "purchase") else { throw bad("cogs_basis", "purchase, landed") }
        guard let fees = MarginFees(rawValue: values["margin_fees"] ?? "none") else { throw bad("margin_fees", "none, referral, settlement") }
        var complaintTags: Set<String> = []
        if let text = values["complaint_tags"] {
            complaintTags = Set(text.lowercased().split { $0 == "," || $0 == " " }.map(String.init))
            guard !complaintTags.isEmpty, !complaintTags.contains("undeclared") else {
                throw entry.error("complaint_tags", Bilingual(
                    "`\(text)` names no tag; list the ticket tags that mark a complaint, like `complaint, 投诉`",
                    "`\(text)` 没有写任何标签；请列出标记投诉的工单标签，如 `complaint, 投诉`"))
            }
        }
        var repurchaseDays: Int?
        if let text = values["repurchase_window"] {
            guard text.hasSuffix("d"), let days = Int(text.dropLast()), (1...730).contains(days) else {
                throw entry.error("repurchase_window", Bilingual("`\(text)` is not a number of days from 1d to 730d, like `90d`",
                                                                "`\(text)` 不是 1d 到 730d 之间的天数，如 `90d`"))
            }
            repurchaseDays = days
        }
        let clock: ResponseClock
        switch values["response_time"] ?? "calendar_hours" {
        case "calendar_hours":
            clock = .calendarHours
        case "business_hours":
            guard let calendarName = values["business_calendar"] else {
                throw entry.error("business_calendar", Bilingual("is missing: business_hours needs the shift calendar to count hours in",
                                                                "缺失：business_hours 需要用排班日历来计算工时"))
            }
            guard let calendar = calendars[calendarName] else {
                let defined = calendars.keys.sorted()
                throw entry.error("business_calendar", Bilingual(
                    "`\(calendarName)` is not under `calendars:` (defined: \(defined.joined(separator: ", ")))",
                    "`\(calendarName)` 不在 `calendars:` 之下（已定义：\(defined.joined(separator: "、"))）"))
            }
            clock = .businessHours(calendar)
        default:
            throw bad("response_time", "calendar_hours, business_hours")
        }
        return DefinitionProfile(
            name: name, version: number, effectiveFrom: effective, description: description, zone: zone, shipped: shipped,
            sales: sales, includeTax: try inclusion("tax"), includeShipping: try inclusion("shipping"), currency: currency,
            shipSLAHours: try hours("ship_sla_hours", default: 48), inventory: inventory, responseTime: clock,
            responseSLAHours: try hours("response_sla_hours", default: 24), adAttribution: window, costBasis: costBasis,
            marginFees: fees, complaintTags: complaintTags, repurchaseWindowDays: repurchaseDays)
    }

    private static func calendar(_ name: String, _ section: StrictMapping) throws(PipelineError) -> ShiftCalendar {
        try section.check(allowed: ["timezone", "days", "hours", "holidays"])
        guard let zoneName = try section.string("timezone") else { throw section.error("timezone", Bilingual("is missing", "缺失")) }
        guard let zone = Zone(zoneName) else {
            throw section.error("timezone", Bilingual("`\(zoneName)` is not an IANA zone such as America/Los_Angeles",
                                                      "`\(zoneName)` 不是 IANA 时区，如 America/Los_Angeles"))
        }
        let dayNames = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
        var days: Set<Int> = [1, 2, 3, 4, 5]
        if let listed = try section.strings("days") {
            days = []
            for day in listed {
                guard let index = dayNames.firstIndex(of: day.lowercased()) else {
                    throw section.error("days", Bilingual("`\(day)` is not one of \(dayNames.joined(separator: ", "))",
                                                          "`\(day)` 不在可选值之中：\(dayNames.joined(separator: "、"))"))
                }
                days.insert(index + 1)
            }
        }
        guard let text = try section.string("hours") else {
            throw section.error("hours", Bilingual("is missing; write it like \"09:00-18:00\"", "缺失；写法如 \"09:00-18:00\""))
        }
        let bounds = text.split(separator: "-").map { TimeOfDay(iso: $0.trimmingCharacters(in: .whitespaces) + ":00") }
        guard bounds.count == 2, let start = bounds[0], let end = bounds[1], start != end else {
            throw section.error("hours", Bilingual("`\(text)` is not like \"09:00-18:00\" (a night shift is \"22:00-06:00\")",
                                                   "`\(text)` 的写法不对，应如 \"09:00-18:00\"（夜班写作 \"22:00-06:00\"）"))
        }
        var holidays: Set<CivilDate> = []
        for day in try section.strings("holidays") ?? [] {
            guard let date = CivilDate(iso: day) else {
                throw section.error("holidays", Bilingual("`\(day)` is not a date; expected YYYY-MM-DD", "`\(day)` 不是日期；应为 YYYY-MM-DD"))
            }
            holidays.insert(date)
        }
        return ShiftCalendar(name: name, zone: zone, workingDays: days, start: start, end: end, holidays: holidays)
    }
}
