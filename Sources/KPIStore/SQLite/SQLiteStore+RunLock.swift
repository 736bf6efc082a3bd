import KPISchema

extension SQLiteStore {
    package func acquireRunLock(_ holder: RunHolder) throws -> any RunLease {
        path == ":memory:" ? NoRunLease() : try FileRunLease(path: path + ".lock", holder: holder)
    }

    package func runLockHolder() throws -> RunHolder? {
        path == ":memory:" ? nil : FileRunLease.holder(path: path + ".lock")
    }
}
