import Foundation
import KPISchema

extension StrictYAML {
    /// What a decoding failure means, at the key it failed at, in both languages: the type the key wants
    /// rather than Swift's `Expected to decode Int but found Scalar`, the value refused rather than
    /// `Cannot initialize FieldType from invalid String value`, and for broken syntax Yams' own
    /// `line:column` and snippet.
    static func sentence(for error: any Error) -> Bilingual {
        switch error {
        case let DecodingError.keyNotFound(key, context):
            let path = keyPath(context.codingPath + [key])
            return Bilingual("missing key `\(path)`", "缺少键 `\(path)`")
        case let DecodingError.valueNotFound(_, context):
            let path = keyPath(context.codingPath)
            return Bilingual("`\(path)` has no value", "`\(path)` 没有值")
        case let DecodingError.typeMismatch(type, context):
            let path = keyPath(context.codingPath), wanted = expected(type)
            return Bilingual("at `\(path)`: expected \(wanted.en)", "`\(path)` 处：应为\(wanted.zh)")
        case let DecodingError.dataCorrupted(context):
            // Yams wraps a syntax error with no key path; its own text says where (`6:16: error: scanner: …`).
            if let underlying = context.underlyingError {
                return Bilingual("not valid YAML: \(underlying)", "YAML 语法有误：\(underlying)")
            }
            let path = keyPath(context.codingPath)
            if let value = refusedValue(context.debugDescription) {
                return Bilingual("at `\(path)`: `\(value)` is not one of the values allowed here",
                                 "`\(path)` 处：`\(value)` 不是这里可用的取值")
            }
            return Bilingual("at `\(path)`: \(context.debugDescription)", "`\(path)` 处：\(context.debugDescription)")
        default:
            return Bilingual("\(error)", "YAML 无法解析：\(error)")
        }
    }

    /// The kind of value a Swift type stands for in a YAML file.
    static func expected(_ type: Any.Type) -> Bilingual {
        let name = String(describing: type)
        switch name {
        case "Int", "Int64", "Int32": return Bilingual("a whole number", "整数")
        case "Double", "Decimal", "Float": return Bilingual("a number", "数字")
        case "Bool": return Bilingual("true or false", "`true` 或 `false`")
        // Yams names its node kinds when the shape is wrong (a list where one value belongs).
        case "String", "Scalar": return Bilingual("a single value", "单个值")
        case "Sequence": return Bilingual("a list", "列表")
        case "Mapping": return Bilingual("a mapping (key: value)", "映射（键: 值）")
        default:
            if name.hasPrefix("Array") { return Bilingual("a list", "列表") }
            if name.hasPrefix("Dictionary") { return Bilingual("a mapping (key: value)", "映射（键: 值）") }
            return Bilingual("a value of another kind (\(name))", "另一种类型的值（\(name)）")
        }
    }

    /// `integr` from Swift's `Cannot initialize FieldType from invalid String value integr`.
    static func refusedValue(_ description: String) -> String? {
        guard let range = description.range(of: "from invalid String value ") else { return nil }
        return String(description[range.upperBound...])
    }
}
