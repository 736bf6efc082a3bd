import Foundation
import KPISchema
import Yams

/// `definitions.yaml`: the profiles (`cn`, `us`, …) that say what each contested concept means.
struct DefinitionsFile: Decodable {
    struct Profile: Decodable {
        var version: Int
        var description: String?
        var timezone: String
        var shipped: String
        var sales: String
        var tax: String?
        var shipping: String?
        var currency: String
        var shipSLAHours: Int?

        enum CodingKeys: String, CodingKey {
            case version, description, timezone, shipped, sales, tax, shipping, currency
            case shipSLAHours = "ship_sla_hours"
        }
    }

    struct FX: Decodable {
        var maxCarryDays: Int?

        enum CodingKeys: String, CodingKey {
            case maxCarryDays = "max_carry_days"
        }
    }

    var profiles: [String: Profile]
    var fx: FX?

    /// Reads and validates the file at `path`; every problem names the profile and key.
    static func load(path: String, display: String) throws(PipelineError) -> (profiles: [DefinitionProfile], maxCarryDays: Int) {
        let file: DefinitionsFile
        do {
            let text = try String(contentsOfFile: path, encoding: .utf8)
            file = try YAMLDecoder().decode(DefinitionsFile.self, from: text)
        } catch {
            throw .failed("\(display): cannot read definitions: \(error)")
        }
        guard !file.profiles.isEmpty else { throw .failed("\(display): no profiles defined") }
        var profiles: [DefinitionProfile] = []
        for name in file.profiles.keys.sorted() {
            let p = file.profiles[name]!
            func bad(_ key: String, _ value: String, _ allowed: String) -> PipelineError {
                .failed("\(display): profile `\(name)`: \(key) `\(value)` is not one of \(allowed)")
            }
            guard name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || $0 == "-") }) else {
                throw .failed("\(display): profile name `\(name)` may use only letters, digits, - and _")
            }
            guard let zone = Zone(p.timezone) else { throw bad("timezone", p.timezone, "IANA zone names such as Asia/Shanghai") }
            guard let shipped = FulfillmentEventKind(rawValue: p.shipped), shipped != .delivered else {
                throw bad("shipped", p.shipped, "label_printed, outbound, carrier_first_scan")
            }
            guard let sales = SalesBasis(rawValue: p.sales) else { throw bad("sales", p.sales, "gross, net") }
            func inclusion(_ key: String, _ value: String?) throws(PipelineError) -> Bool {
                switch value ?? "excluded" {
                case "included": return true
                case "excluded": return false
                case let other: throw bad(key, other, "included, excluded")
                }
            }
            guard p.currency.count == 3, p.currency.allSatisfy({ $0.isUppercase && $0.isASCII }) else {
                throw bad("currency", p.currency, "ISO 4217 codes such as USD, CNY")
            }
            profiles.append(DefinitionProfile(
                name: name, version: p.version, zone: zone, shipped: shipped, sales: sales,
                includeTax: try inclusion("tax", p.tax), includeShipping: try inclusion("shipping", p.shipping),
                currency: p.currency, shipSLAHours: p.shipSLAHours ?? 48))
        }
        return (profiles, file.fx?.maxCarryDays ?? 7)
    }
}
