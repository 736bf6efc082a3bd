/// Why one cell's text is not a value of the expected kind; becomes a quarantine reason.
public struct CellParseError: Error, Sendable, Equatable {
    /// What is wrong, e.g. `not a decimal`.
    public var problem: String
    /// What would have been accepted, e.g. `a number like 1,234.56 or $12.00`.
    public var expected: String

    public init(problem: String, expected: String) {
        self.problem = problem
        self.expected = expected
    }
}
