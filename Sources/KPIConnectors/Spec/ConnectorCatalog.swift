import Foundation
import KPISchema

/// The connectors a run can use, loaded from directories of `*.yaml` specs.
///
/// Directories are read in order and a later spec with the same id replaces an earlier one, so a
/// workspace can adjust a shipped connector (say, add a header alias) without forking it.
package struct ConnectorCatalog: Sendable {
    package private(set) var connectors: [String: any Connector] = [:]
    /// Where each connector's spec was read from.
    package private(set) var origins: [String: String] = [:]

    package init() {}

    /// Loads every `*.yaml` / `*.yml` file in `directories` (missing directories are skipped).
    package init(directories: [String]) throws {
        for directory in directories {
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else { continue }
            for name in names.sorted() where name.hasSuffix(".yaml") || name.hasSuffix(".yml") {
                let path = (directory as NSString).appendingPathComponent(name)
                try add(specAt: path)
            }
        }
    }

    /// Parses, validates and adds one spec file.
    package mutating func add(specAt path: String) throws {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw ConnectorSpecError(path: path, problem: Bilingual("cannot read: \(error.localizedDescription)", "无法读取：\(error.localizedDescription)"))
        }
        let spec: ConnectorSpec
        do {
            spec = try StrictYAML.decode(ConnectorSpec.self, from: text, file: path, rule: .connectorSpec)
        } catch {
            throw ConnectorSpecError(path: path, problem: error.sentence)
        }
        add(SpecConnector(try CompiledSpec(spec, path: path)), origin: path)
    }

    package mutating func add(_ connector: any Connector, origin: String) {
        connectors[connector.id] = connector
        origins[connector.id] = origin
    }

    package var ids: [String] { connectors.keys.sorted() }

    /// The connector named `id`, or an error listing the known ones and the closest name.
    package func connector(_ id: String) throws(UnknownConnectorError) -> any Connector {
        if let found = connectors[id] { return found }
        let wanted = HeaderName(id)
        let closest = ids.min { HeaderName($0).distance(to: wanted) < HeaderName($1).distance(to: wanted) }
        throw UnknownConnectorError(name: id, known: ids, closest: closest)
    }
}

/// A connector id that no loaded spec defines.
package struct UnknownConnectorError: Error, Sendable, Equatable, CustomStringConvertible {
    package var name: String
    package var known: [String]
    package var closest: String?

    package var description: String { sentence.en }

    /// The name, the closest known one and every known one, in both languages.
    package var sentence: Bilingual {
        var en = "unknown connector `\(name)`", zh = "未知的连接器 `\(name)`"
        if let closest {
            en += "; did you mean `\(closest)`?"
            zh += "；是不是 `\(closest)`？"
        }
        return Bilingual(en + "\n  known connectors: " + (known.isEmpty ? "(none loaded)" : known.joined(separator: ", ")),
                         zh + "\n  已知的连接器：" + (known.isEmpty ? "（未加载任何连接器）" : known.joined(separator: "、")))
    }
}
