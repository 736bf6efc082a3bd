import Foundation
import KPISchema

extension Workspace {
    /// The salt `customers.salt` points at, or nil when kpibridge.yaml names none (buyers are then not keyed,
    /// and the run says which rates that leaves out). A salt named but not found fails: loading buyers
    /// unkeyed would quietly take the rates away. Errors say where the salt was looked for, never a value.
    package func customerSalt(environment: [String: String] = ProcessInfo.processInfo.environment) throws(PipelineError) -> CustomerSalt? {
        guard let reference = config.customers?.salt else { return nil }
        let prefix = "\(Self.configFile): customers.salt"
        let text: String
        if reference.hasPrefix("env:") {
            let variable = String(reference.dropFirst(4))
            guard let value = environment[variable], !value.isEmpty else {
                throw .failed("\(prefix): environment variable \(variable) is not set")
            }
            text = value
        } else if reference.hasPrefix("file:") {
            let file = String(reference.dropFirst(5))
            let path = try paths.resolve(file, key: "customers.salt")
            guard let data = FileManager.default.contents(atPath: path),
                  let value = String(data: data, encoding: .utf8)?.trimmingCharacters(in: .whitespacesAndNewlines), !value.isEmpty else {
                throw .failed("\(prefix): file \(file) is missing, empty or not UTF-8")
            }
            text = value
        } else {
            throw .failed("\(prefix) must be `env:VARIABLE` or `file:PATH` (a salt written into \(Self.configFile) is refused)")
        }
        guard let salt = CustomerSalt(text) else {
            throw .failed("\(prefix): the salt is shorter than \(CustomerSalt.minimumLength) characters; use a long random one (`openssl rand -hex 32`)")
        }
        return salt
    }
}
