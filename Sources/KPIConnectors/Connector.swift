import KPISchema

/// A pipeline stage that turns one source file into normalized records.
///
/// `open` reads only as far as the header, so a run can check every file before it writes anything.
package protocol Connector: Sendable {
    var id: String { get }
    var title: String { get }
    /// ``title`` for a Chinese reader, when the connector has one.
    var titleZh: String? { get }
    func open(path: String, context: SourceContext) throws -> any RecordReader
}

extension Connector {
    package var titleZh: String? { nil }

    /// The title in `language`: the Chinese one where written, else ``title``.
    package func title(_ language: DisplayLanguage) -> String { language == .zh ? titleZh ?? title : title }

    /// ``title`` in both languages.
    package var titles: Bilingual { Bilingual(title, titleZh ?? title) }
}
