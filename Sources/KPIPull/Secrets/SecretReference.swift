import Foundation

/// Reads a secret from where configuration points: `env:VARIABLE` or `file:PATH`. The value is never in
/// kpibridge.yaml, and no problem's text holds it: each says only where the secret was looked for.
///
/// One reader for every secret the workspace names (a stream's credentials, the buyer-key salt), so that
/// both accept the same forms and refuse the same mistakes; each caller words its own errors around it.
package enum SecretReference {
    package enum Problem: Error, CustomStringConvertible {
        case unsetVariable(String)
        /// Missing, empty or not UTF-8.
        case unreadableFile(String)
        /// The path was refused (outside the workspace); the resolver's own error.
        case path(any Error)
        /// Neither `env:` nor `file:`: a value written into the configuration.
        case notAReference

        package var description: String {
            switch self {
            case .unsetVariable(let name): "environment variable \(name) is not set"
            case .unreadableFile(let file): "file \(file) is missing, empty or not UTF-8"
            case .path(let error): "\(error)"
            case .notAReference: "must be `env:VARIABLE` or `file:PATH`"
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
