import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Words for the libxml2 errors a damaged export meets, which Foundation on Linux reports only as
/// "The operation could not be completed. (NSXMLParserErrorDomain error 73.)".
enum XMLParseProblem {
    /// Codes from libxml2's `xmlParserErrors` (xmlerror.h).
    private static let words: [Int: String] = [
        4: "the document is empty",
        5: "the document ends too early (cut short?)",
        9: "a character that XML does not allow",
        26: "a reference to an entity that is not declared",
        73: "a tag is not closed with `>` (cut short?)",
        74: "an end tag is not closed (cut short?)",
        76: "an end tag does not match the element it closes",
        77: "the document ends inside an element (cut short?)",
        85: "elements are not balanced",
        86: "content after the root element",
        89: "an entity refers to itself",
    ]

    /// The parser's error in words when its code is a known one, else its own description.
    static func describe(_ error: (any Error)?) -> String {
        guard let error else { return "unknown error" }
        let code = (error as NSError).code
        return words[code].map { "\($0) (libxml2 error \(code))" } ?? error.localizedDescription
    }
}
