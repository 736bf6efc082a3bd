/// What a command may do with its store: the open follows from it, so a reading command cannot write and a
/// command that needs history cannot start an empty warehouse by accident.
package enum StoreAccess: Sendable {
    /// Loading commands: a store that does not exist yet is created.
    case create
    /// Commands that write to a store that must already exist (`score`, `prune`, `state reset`).
    case existing
    /// Commands that only read (`export`, `report`, `status`, `explain`, `reconcile`, `state show`): the
    /// store is opened read-only.
    case readOnly
}
