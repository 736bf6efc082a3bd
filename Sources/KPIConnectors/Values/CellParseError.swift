/// Why one cell's text is not a value of the expected kind; becomes a quarantine reason.
package struct CellParseError: Error, Sendable, Equatable {
    /// What is wrong, e.g. `not a decimal`.
    package var problem: String
    /// What would have been accepted, e.g. `a number like 1,234.56 or $12.00`.
    package var expected: String

    package init(problem: String, expected: String) {
        self.problem = problem
        self.expected = expected
    }
}
