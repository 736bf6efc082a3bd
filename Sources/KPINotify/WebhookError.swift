import KPISchema

/// Why a message could not be built or delivered, in both languages (a chat platform's own answer quoted
/// inside stays as it wrote it).
package struct WebhookError: BilingualError, Sendable, CustomStringConvertible {
    package var sentence: Bilingual
    package init(_ sentence: Bilingual) { self.sentence = sentence }

    package var description: String { sentence.en }
}
