import Foundation
import KPIPull
import KPISchema

extension Workspace {
    /// The salt `customers.salt` points at, or nil when kpibridge.yaml names none (buyers are then not keyed,
    /// and the run says which rates that leaves out). A salt named but not found fails: loading buyers
    /// unkeyed would quietly take the rates away. Errors say where the salt was looked for, never a value.
    package func customerSalt(environment: [String: String] = ProcessInfo.processInfo.environment) throws(PipelineError) -> CustomerSalt? {
        guard let reference = config.customers?.salt else { return nil }
        let prefix = "\(Self.configFile): customers.salt"
        let text: String
        do {
            text = try SecretReference.read(reference, environment: environment) { try paths.resolve($0, key: "customers.salt") }
        } catch .notAReference {
            throw .failed("\(prefix) must be `env:VARIABLE` or `file:PATH` (a salt written into \(Self.configFile) is refused)")
        } catch .path(let error as PipelineError) {
            throw error
        } catch {
            throw .failed("\(prefix): \(error)")
        }
        guard let salt = CustomerSalt(text) else {
            throw .failed("\(prefix): the salt is shorter than \(CustomerSalt.minimumLength) characters; use a long random one (`openssl rand -hex 32`)")
        }
        return salt
    }
}
