/// A file beside the store that could not be created or locked, worded for the person at the terminal
/// (Foundation's `CocoaError` prints as `Error Domain=NSCocoaErrorDomain Code=512 "(null)"…`).
package struct StoreFileError: Error, CustomStringConvertible {
    package var description: String

    /// The system refused `path`: why, and that reading commands still work on a store that cannot be written.
    static func cannotWrite(_ path: String, reason: String) -> StoreFileError {
        StoreFileError(description: "cannot write \(path) (\(reason)): writing commands need write access to the store's folder; "
            + "reading commands (export, report, status, explain, reconcile) work on a read-only store")
    }
}
