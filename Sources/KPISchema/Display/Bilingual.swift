/// A sentence written once in each language, for text that is stored rather than rendered on demand.
///
/// Record explanations are built where the reconciler still holds the records and kept in the store,
/// so both teams' wording must exist at that moment; everything shown live picks with
/// ``DisplayLanguage/pick(_:_:)`` instead.
package struct Bilingual: Sendable, Hashable, Codable {
    package var en: String
    package var zh: String

    package init(_ en: String, _ zh: String) {
        self.en = en
        self.zh = zh
    }

    /// A message not yet written in Chinese (another module's error, a connector spec's words): English in
    /// both, and one name to search for what is left to translate.
    package init(untranslated english: String) {
        self.init(english, english)
    }

    /// No text in either language.
    package static let empty = Bilingual("", "")

    /// The sentence in `language`.
    package func callAsFunction(_ language: DisplayLanguage) -> String { language.pick(en, zh) }

    /// Both sentences joined by each language's own separator (`; ` and `；`).
    package static func joined(_ parts: [Bilingual], en: String = "; ", zh: String = "；") -> Bilingual {
        Bilingual(parts.map(\.en).joined(separator: en), parts.map(\.zh).joined(separator: zh))
    }

    package static func + (left: Bilingual, right: Bilingual) -> Bilingual {
        Bilingual(left.en + right.en, left.zh + right.zh)
    }

    /// The log metadata key an event's Chinese message travels under: the text log shows it to a Chinese
    /// reader, the JSON log leaves it out (its `message` stays the English one log shippers index).
    package static let logKey = "message_zh"
}
