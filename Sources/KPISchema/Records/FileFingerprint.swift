/// The identity of a source file's bytes: the load ledger's key and the encoding hint.
///
/// Computed by the connectors in one streaming pass (`FileFingerprint.compute(path:)`); the store only
/// records it.
package struct FileFingerprint: Sendable, Hashable {
    /// SHA-256 of the content, lowercase hex: the load ledger's key.
    package var sha256: String
    package var byteCount: Int
    /// Whether the whole file is well-formed UTF-8 (which includes pure ASCII).
    package var isUTF8: Bool

    package init(sha256: String, byteCount: Int, isUTF8: Bool) {
        self.sha256 = sha256
        self.byteCount = byteCount
        self.isUTF8 = isUTF8
    }
}
