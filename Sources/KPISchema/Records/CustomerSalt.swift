/// The workspace's secret that turns a buyer's e-mail or account name into a customer key.
///
/// Repeat-purchase and retention rates need to know that two orders came from one buyer, not who the buyer
/// is: connectors keep only a keyed hash of the buyer's identity. The salt comes from the environment or a
/// file (`customers.salt` in kpibridge.yaml) and never appears in output: its description is a placeholder.
package struct CustomerSalt: Sendable, Hashable, CustomStringConvertible {
    package let bytes: [UInt8]

    package init?(_ text: String) {
        let bytes = Array(text.utf8)
        guard bytes.count >= Self.minimumLength else { return nil }
        self.bytes = bytes
    }

    /// Short salts are guessable, and a guessed salt turns every key back into an e-mail by trial.
    package static let minimumLength = 16

    package var description: String { "<customer salt>" }
}
