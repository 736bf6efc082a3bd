/// An error that words itself in both languages: its `sentence` is the whole message (file, stream or URL
/// included), its English half what `description` says.
///
/// Lives beside ``Bilingual`` so that every module's errors (a spec's, a pull's, a webhook's, the
/// pipeline's) can be quoted inside another sentence in the reader's language without knowing each type.
package protocol BilingualError: Error {
    var sentence: Bilingual { get }
}

extension Bilingual {
    /// A thrown error's sentence: a ``BilingualError``'s own two languages, any other error's description
    /// (a database's, the OS's, a parser's) as it is written.
    package init(describing error: any Error) {
        self = (error as? any BilingualError)?.sentence ?? Bilingual(untranslated: "\(error)")
    }
}

extension FileFormatError: BilingualError {}

extension FXConflict: BilingualError {}
