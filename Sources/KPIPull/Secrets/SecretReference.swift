import Foundation
import KPISchema

/// Reads a secret from where configuration points: `env:VARIABLE` or `file:PATH`. The value is never in
/// kpibridge.yaml, and no problem's text holds it: each says only where the secret was looked for.
///
/// One reader for every secret the workspace names (a stream's credentials, the buyer-key salt), so that
/// both accept the same forms and refuse the same mistakes; each caller words its own errors around it.
package enum SecretReference {
    package enum Problem: BilingualError, CustomStringConvertible {
        case unsetVariable(String)
        /// Missing, empty or not UTF-8.
        case unreadableFile(String)
        /// The path was refused (outside the workspace); the resolver's own error.
        case path(any Error)
        /// Neither `env:` nor `file:`: a value written into the configuration.
        case notAReference

        package var description: String { sentence.en }

        package var sentence: Bilingual {
            switch self {
            case .unsetVariable(let name): Bilingual("environment variable \(name) is not set", "未设置环境变量 \(name)")
            case .unreadableFile(let file): Bilingual("file \(file) is missing, empty or not UTF-8", "文件 \(file) 不存在、为空或不是 UTF-8")
            case .path(let error): Bilingual(describing: error)
            case .notAReference: Bilingual("must be `env:VARIABLE` or `file:PATH`", "应为 `env:VARIABLE` 或 `file:PATH`")
            }
        }
    }

    /// The secret `reference` names: an environment variable's value as set, a file's text trimmed of
    /// surrounding white space (its final newline); `resolvePath` maps a file reference's path to one inside
    /// the workspace or throws.
    package static func read(_ reference: String, environment: [String: String],
                             resolvePath: (String) throws -> String) throws(Problem) -> String {
        if reference.hasPrefix("env:") {
            let variable = String(reference.dropFirst(4))
            guard let value = environment[variable], !value.isEmpty else { throw .unsetVariable(variable) }
            return value
        }
        guard reference.hasPrefix("file:") else { throw .notAReference }
        let file = String(reference.dropFirst(5))
        let path: String
        do { path = try resolvePath(file) } catch { throw .path(error) }
        guard let data = FileManager.default.contents(atPath: path),
              let text = String(data: data, encoding: .utf8)?.trimmingCharacters(in: .whitespacesAndNewlines),
              !text.isEmpty else { throw .unreadableFile(file) }
        return text
    }
}
