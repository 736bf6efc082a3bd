import KPISchema

extension SQLiteStore {
    public func acquireRunLock(_ holder: RunHolder) throws -> any RunLease {
        path == ":memory:" ? NoRunLease() : try FileRunLease(path: path + ".lock", holder: holder)
    }

    public func runLockHolder() throws -> RunHolder? {
        path == ":memory:" ? nil : FileRunLease.holder(path: path + ".lock")
    }
}
