import KPISchema

/// Where each pulled API stream stands.
///
/// Every method is one transaction. Part of ``WarehouseStore``; a job asks only for the part it needs.
package protocol StreamStateStore: Sendable {
    /// Every pulled stream's saved state, by stream name.
    func streamStates() throws -> [StoredStreamState]
    /// Saves a stream's state (JSON text), replacing what it had.
    func saveStreamState(_ state: StoredStreamState) throws
    /// Forgets a stream's state, so its next pull starts from its configured `start`; false when it had none.
    func deleteStreamState(_ stream: String) throws -> Bool
}
