import KPISchema

/// Why one cell's text is not a value of the expected kind; becomes a quarantine reason.
///
/// Both languages are written here because the reason is stored with the quarantined row and read
/// later by whichever team opens the report.
package struct CellParseError: Error, Sendable, Equatable {
    /// What is wrong, e.g. `not a decimal`.
    package var problem: Bilingual
    /// What would have been accepted, e.g. `a number like 1,234.56 or $12.00`.
    package var expected: Bilingual

    package init(problem: Bilingual, expected: Bilingual) {
        self.problem = problem
        self.expected = expected
    }

    /// The sentence a quarantine reason carries after the column's header.
    package var message: Bilingual {
        Bilingual("\(problem.en); expected \(expected.en)", "\(problem.zh)；应为\(expected.zh)")
    }
}
