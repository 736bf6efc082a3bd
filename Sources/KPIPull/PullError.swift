/// Why a stream could not be pulled; the message has passed through the run's ``Redactor``.
public struct PullError: Error, Sendable, CustomStringConvertible {
    public var stream: String
    public var message: String

    public init(stream: String, _ message: String) {
        self.stream = stream
        self.message = message
    }

    public var description: String { "stream \(stream): \(message)" }
}
