import Foundation
import KPIPull
import KPISchema

extension Workspace {
    /// The salt `customers.salt` points at, or nil when kpibridge.yaml names none (buyers are then not keyed,
    /// and the run says which rates that leaves out). A salt named but not found fails: loading buyers
    /// unkeyed would quietly take the rates away. Errors say where the salt was looked for, never a value.
    package func customerSalt(environment: [String: String] = ProcessInfo.processInfo.environment) throws(PipelineError) -> CustomerSalt? {
        guard let reference = config.customers?.salt else { return nil }
        let prefix = Bilingual("\(Self.configFile): customers.salt", "\(Self.configFile)：customers.salt")
        let text: String
        do {
            text = try SecretReference.read(reference, environment: environment) { try paths.resolve($0, key: "customers.salt") }
        } catch .notAReference {
            throw .failed(Bilingual("\(prefix.en) must be `env:VARIABLE` or `file:PATH` (a salt written into \(Self.configFile) is refused)",
                                    "\(prefix.zh) 应为 `env:VARIABLE` 或 `file:PATH`（直接写在 \(Self.configFile) 里的盐值不被接受）"))
        } catch .path(let error as PipelineError) {
            throw error
        } catch {
            throw .failed(Bilingual("\(prefix.en): \(error.sentence.en)", "\(prefix.zh)：\(error.sentence.zh)"))
        }
        guard let salt = CustomerSalt(text) else {
            throw .failed(Bilingual(
                "\(prefix.en): the salt is shorter than \(CustomerSalt.minimumLength) characters; use a long random one (`openssl rand -hex 32`)",
                "\(prefix.zh)：盐值短于 \(CustomerSalt.minimumLength) 个字符；请换一个足够长的随机值（`openssl rand -hex 32`）"))
        }
        return salt
    }
}
