import KPISchema

/// An error the CLI reports in one clear message, with the exit code cron alerting relies on.
package struct PipelineError: BilingualError, Sendable, CustomStringConvertible {
    /// Exit codes: 1 the job failed, 2 the command was used wrongly, 3 another run holds the store
    /// (nothing was done; cron can simply try again later), 4 a source is stale.
    package enum Kind: Int32, Sendable {
        case failed = 1
        case usage = 2
        case busy = 3
        /// The job succeeded but a source's newest file is older than its `fresh_within`: the numbers
        /// are complete for what arrived, and an export has stopped arriving.
        case stale = 4
        /// Stopped by SIGINT (Ctrl-C) at a safe point: 128 + 2, as shells report it.
        case interrupted = 130
        /// Stopped by SIGTERM at a safe point: 128 + 15.
        case terminated = 143
    }

    package var kind: Kind
    /// What went wrong, in both languages: the CLI prints the reader's, logs and stored rows the English.
    package var sentence: Bilingual

    package init(_ kind: Kind, _ sentence: Bilingual) {
        self.kind = kind
        self.sentence = sentence
    }

    package static func failed(_ sentence: Bilingual) -> PipelineError { PipelineError(.failed, sentence) }
    package static func usage(_ sentence: Bilingual) -> PipelineError { PipelineError(.usage, sentence) }

    /// The English sentence: what the JSON log, the `runs` table and chat notices carry.
    package var message: String { sentence.en }

    package var description: String { message }
}
