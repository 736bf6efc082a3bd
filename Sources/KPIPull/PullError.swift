/// Why a stream could not be pulled; the message has passed through the run's ``Redactor``.
package struct PullError: Error, Sendable, CustomStringConvertible {
    package var stream: String
    package var message: String

    package init(stream: String, _ message: String) {
        self.stream = stream
        self.message = message
    }

    package var description: String { "stream \(stream): \(message)" }
}
