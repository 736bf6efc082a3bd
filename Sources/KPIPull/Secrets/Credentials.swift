import Foundation
import KPISchema

/// A stream's credentials, resolved from where the workspace says: `env:NAME` or `file:PATH`
/// (inside the workspace). The values themselves never appear in kpibridge.yaml.
package struct Credentials: Sendable {
    private var values: [String: String]

    package init(values: [String: String]) { self.values = values }

    /// Resolves each `name: env:VAR` or `name: file:PATH`; `resolvePath` keeps file paths in the
    /// workspace. Errors name the stream, the credential and where it was looked for — never a value.
    package static func resolve(_ references: [String: String], stream: String,
                               environment: [String: String] = ProcessInfo.processInfo.environment,
                               resolvePath: (String) throws -> String) throws(PullError) -> Credentials {
        var values: [String: String] = [:]
        for (name, reference) in references.sorted(by: { $0.key < $1.key }) {
            do {
                values[name] = try SecretReference.read(reference, environment: environment, resolvePath: resolvePath)
            } catch .notAReference {
                throw PullError(stream: stream, Bilingual(
                    "credential `\(name)` must be `env:VARIABLE` or `file:PATH` (a value written into kpibridge.yaml is refused)",
                    "凭据 `\(name)` 应写成 `env:VARIABLE` 或 `file:PATH`（直接写在 kpibridge.yaml 里的值会被拒绝）"))
            } catch {
                throw PullError(stream: stream, Bilingual("credential `\(name)`: \(error.sentence.en)", "凭据 `\(name)`：\(error.sentence.zh)"))
            }
        }
        return Credentials(values: values)
    }

    /// The value of a credential the API needs, or an error saying it is missing.
    package func require(_ name: String, stream: String) throws(PullError) -> String {
        guard let value = values[name] else {
            throw PullError(stream: stream, Bilingual("credential `\(name)` is missing from the stream's `credentials:`",
                                                          "数据流的 `credentials:` 中缺少凭据 `\(name)`"))
        }
        return value
    }

    /// Every value, for the redactor.
    package var secrets: [String] { Array(values.values) }
}
