import Foundation
import KPIConnectors
import KPISchema
import Yams

/// A YAML mapping read key by key, where every error names the file and the dotted key, and a key
/// nobody reads is an error with a close spelling, not a silently ignored typo.
package struct StrictMapping {
    package let file: String
    package let path: String
    private let mapping: Node.Mapping

    package init(_ node: Node, file: String, path: String) throws(PipelineError) {
        guard case .mapping(let mapping) = node else {
            throw .failed(Bilingual("\(file): `\(path)` must be a mapping of keys to values",
                                    "\(file)：`\(path)` 应是键到值的映射"))
        }
        self.file = file
        self.path = path
        self.mapping = mapping
    }

    /// The top-level mapping of the YAML file at `path` (`what` names the file's role in messages).
    package static func root(path: String, display: String, what: Bilingual) throws(PipelineError) -> StrictMapping {
        let root: Node
        guard FileManager.default.fileExists(atPath: path) else {
            throw .failed(Bilingual(
                "\(display): no such file; it should hold the workspace's \(what.en): create it, or correct the path that names it",
                "\(display)：没有这个文件；它应存放工作区的\(what.zh)：请创建它，或改正指向它的路径"))
        }
        do {
            guard let data = FileManager.default.contents(atPath: path) else {
                throw PipelineError.failed(Bilingual("\(display): cannot be read (permissions?); it holds the workspace's \(what.en)",
                                                     "\(display)：无法读取（权限？）；它存放工作区的\(what.zh)"))
            }
            guard let text = String(data: data, encoding: .utf8) else {
                throw PipelineError.failed(Bilingual("\(display): not UTF-8 text; save it as UTF-8",
                                                     "\(display)：不是 UTF-8 文本；请存为 UTF-8"))
            }
            guard let node = try Yams.compose(yaml: text) else {
                throw PipelineError.failed(Bilingual("\(display): the file is empty", "\(display)：文件是空的"))
            }
            root = node
        } catch let error as PipelineError {
            throw error
        } catch {
            throw .failed(Bilingual("\(display): cannot read \(what.en): \(error)", "\(display)：无法读取\(what.zh)：\(error)"))
        }
        return try StrictMapping(root, file: display, path: "")
    }

    package func here(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    /// `file: `key` message` — `message` follows the key (`must be a list`, `应是列表`).
    package func error(_ key: String, _ message: Bilingual) -> PipelineError {
        .failed(Bilingual("\(file): `\(here(key))` \(message.en)", "\(file)：`\(here(key))` \(message.zh)"))
    }

    /// ` (did you mean `x`?)` when a name is close to one of `among`, else empty (see ``KeyRule/hinted(_:among:)``).
    package static func hint(_ name: String, among: [String]) -> Bilingual {
        KeyRule.hinted(name, among: among)
    }

    /// Fails on the first key outside `allowed`, suggesting the closest allowed one.
    package func check(allowed: [String]) throws(PipelineError) {
        for key in keys where !allowed.contains(key) {
            let unknown = KeyRule.unknownKey(here(key), allowed: allowed)
            throw .failed(Bilingual("\(file): \(unknown.en)", "\(file)：\(unknown.zh)"))
        }
    }

    package var keys: [String] { mapping.keys.compactMap(\.string) }

    package func node(_ key: String) -> Node? { mapping[Node(key)] }

    package func string(_ key: String) throws(PipelineError) -> String? {
        guard let node = node(key) else { return nil }
        guard case .scalar(let scalar) = node else { throw error(key, Bilingual("must be a single value", "应是单个值")) }
        return scalar.string
    }

    package func int(_ key: String) throws(PipelineError) -> Int? {
        guard let text = try string(key) else { return nil }
        guard let value = Int(text) else { throw error(key, Bilingual("`\(text)` is not a whole number", "`\(text)` 不是整数")) }
        return value
    }

    package func decimal(_ key: String) throws(PipelineError) -> Decimal? {
        guard let text = try string(key) else { return nil }
        guard let value = Decimal(plain: text) else { throw error(key, Bilingual("`\(text)` is not a number", "`\(text)` 不是数字")) }
        return value
    }

    /// One of an enumeration's raw values; the error lists them all.
    package func choice<T: RawRepresentable & CaseIterable>(_ key: String, _ type: T.Type) throws(PipelineError) -> T?
        where T.RawValue == String
    {
        guard let text = try string(key) else { return nil }
        return try Self.pick(text, T.self) { error(key, $0) }
    }

    /// A list of an enumeration's raw values, like `[month, quarter]`.
    package func choices<T: RawRepresentable & CaseIterable>(_ key: String, _ type: T.Type) throws(PipelineError) -> [T]?
        where T.RawValue == String
    {
        guard let texts = try strings(key) else { return nil }
        var out: [T] = []
        for text in texts { out.append(try Self.pick(text, T.self) { error(key, $0) }) }
        return out
    }

    private static func pick<T: RawRepresentable & CaseIterable>(
        _ text: String, _ type: T.Type, _ fail: (Bilingual) -> PipelineError
    ) throws(PipelineError) -> T where T.RawValue == String {
        guard let value = T(rawValue: text) else {
            let names = T.allCases.map(\.rawValue)
            throw fail(Bilingual("`\(text)` is not one of \(names.joined(separator: ", "))",
                                 "`\(text)` 不在可选值之中：\(names.joined(separator: "、"))"))
        }
        return value
    }

    /// The mappings of a list under `key`, each read strictly with its index in the path.
    package func mappings(_ key: String) throws(PipelineError) -> [StrictMapping]? {
        guard let node = node(key) else { return nil }
        guard case .sequence(let items) = node else { throw error(key, Bilingual("must be a list", "应是列表")) }
        var out: [StrictMapping] = []
        for (index, item) in items.enumerated() {
            out.append(try StrictMapping(item, file: file, path: "\(here(key))[\(index)]"))
        }
        return out
    }

    package func strings(_ key: String) throws(PipelineError) -> [String]? {
        guard let node = node(key) else { return nil }
        guard case .sequence(let items) = node else { throw error(key, Bilingual("must be a list, like [a, b]", "应是列表，如 [a, b]")) }
        var out: [String] = []
        for item in items {
            guard case .scalar(let scalar) = item else { throw error(key, Bilingual("must list single values", "应列出单个值")) }
            out.append(scalar.string)
        }
        return out
    }

    package func mapping(_ key: String) throws(PipelineError) -> StrictMapping? {
        guard let node = node(key) else { return nil }
        return try StrictMapping(node, file: file, path: here(key))
    }
}
