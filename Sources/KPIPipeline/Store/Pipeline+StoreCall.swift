import KPISchema
import KPIWorkspace

extension Pipeline {
    /// Runs a store call, turning its error into a failure that names the store: every job words a store
    /// error the same way, here.
    package func storeCall<T>(_ body: () throws -> T) throws(PipelineError) -> T {
        do { return try body() } catch { throw .failed(Bilingual("store \(storeURL): \(error)", "存储 \(storeURL)：\(error)")) }
    }
}
