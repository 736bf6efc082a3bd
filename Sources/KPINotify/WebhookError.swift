/// Why a message could not be built or delivered.
package struct WebhookError: Error, Sendable, CustomStringConvertible {
    package var description: String
    package init(_ description: String) { self.description = description }
}
