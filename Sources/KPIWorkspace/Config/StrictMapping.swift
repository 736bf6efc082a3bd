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
            throw .failed("\(file): `\(path)` must be a mapping of keys to values")
        }
        self.file = file
        self.path = path
        self.mapping = mapping
    }

    /// The top-level mapping of the YAML file at `path` (`what` names the file's role in messages).
    package static func root(path: String, display: String, what: String) throws(PipelineError) -> StrictMapping {
        let root: Node
        guard FileManager.default.fileExists(atPath: path) else {
            throw .failed("\(display): no such file; it should hold the workspace's \(what): create it, or correct the path that names it")
        }
        do {
            guard let data = FileManager.default.contents(atPath: path) else {
                throw PipelineError.failed("\(display): cannot be read (permissions?); it holds the workspace's \(what)")
            }
            guard let text = String(data: data, encoding: .utf8) else {
                throw PipelineError.failed("\(display): not UTF-8 text; save it as UTF-8")
            }
            guard let node = try Yams.compose(yaml: text) else { throw PipelineError.failed("\(display): the file is empty") }
            root = node
        } catch let error as PipelineError {
            throw error
        } catch {
            throw .failed("\(display): cannot read \(what): \(error)")
        }
        return try StrictMapping(root, file: display, path: "")
    }

    package func here(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    package func error(_ key: String, _ message: String) -> PipelineError {
        .failed("\(file): `\(here(key))` \(message)")
    }

    /// ` (did you mean `x`?)` when a name is close to one of `among`, else empty (see ``KeyRule/hint(_:among:)``).
    package static func hint(_ name: String, among: [String]) -> String {
        KeyRule.hint(name, among: among)
    }

    /// Fails on the first key outside `allowed`, suggesting the closest allowed one.
    package func check(allowed: [String]) throws(PipelineError) {
        for key in keys where !allowed.contains(key) {
            throw .failed("\(file): " + KeyRule.unknownKeyMessage(here(key), allowed: allowed))
        }
    }

    package var keys: [String] { mapping.keys.compactMap(\.string) }

    package func node(_ key: String) -> Node? { mapping[Node(key)] }

    package func string(_ key: String) throws(PipelineError) -> String? {
        guard let node = node(key) else { return nil }
        guard case .scalar(let scalar) = node else { throw error(key, "must be a single value") }
        return scalar.string
    }

    package func int(_ key: String) throws(PipelineError) -> Int? {
        guard let text = try string(key) else { return nil }
        guard let value = Int(text) else { throw error(key, "`\(text)` is not a whole number") }
        return value
    }

    package func decimal(_ key: String) throws(PipelineError) -> Decimal? {
        guard let text = try string(key) else { return nil }
        guard let value = Decimal(plain: text) else { throw error(key, "`\(text)` is not a number") }
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
        _ text: String, _ type: T.Type, _ fail: (String) -> PipelineError
    ) throws(PipelineError) -> T where T.RawValue == String {
        guard let value = T(rawValue: text) else {
            throw fail("`\(text)` is not one of \(T.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return value
    }

    /// The mappings of a list under `key`, each read strictly with its index in the path.
    package func mappings(_ key: String) throws(PipelineError) -> [StrictMapping]? {
        guard let node = node(key) else { return nil }
        guard case .sequence(let items) = node else { throw error(key, "must be a list") }
        var out: [StrictMapping] = []
        for (index, item) in items.enumerated() {
            out.append(try StrictMapping(item, file: file, path: "\(here(key))[\(index)]"))
        }
        return out
    }

    package func strings(_ key: String) throws(PipelineError) -> [String]? {
        guard let node = node(key) else { return nil }
        guard case .sequence(let items) = node else { throw error(key, "must be a list, like [a, b]") }
        var out: [String] = []
        for item in items {
            guard case .scalar(let scalar) = item else { throw error(key, "must list single values") }
            out.append(scalar.string)
        }
        return out
    }

    package func mapping(_ key: String) throws(PipelineError) -> StrictMapping? {
        guard let node = node(key) else { return nil }
        return try StrictMapping(node, file: file, path: here(key))
    }
}
