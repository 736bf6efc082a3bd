import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
#if canImport(FoundationXML)
import FoundationXML
#endif
import KPISchema
import KPIStore

/// The libraries loading and pulling rely on: SQLite (the embedded store), libxml2 (XML exports, through
/// XMLParser) and libcurl (API pulls, through URLSession on Linux).
struct SystemLibrariesCheck: DoctorCheck {
    func findings(_ context: DoctorContext) -> [DoctorFinding] {
        let parser = XMLParser(data: Data("<check><ok/></check>".utf8))
        guard parser.parse() else {
            return [.problem("system", Bilingual("XMLParser cannot read a two-element XML document (libxml2)", "XMLParser 读不了两个元素的 XML 文档（libxml2）"),
                             fix: Bilingual("install libxml2 (apt-get install libxml2)", "安装 libxml2（`apt-get install libxml2`）"))]
        }
        // Building a session touches libcurl's setup on Linux; a missing library stops the binary earlier.
        _ = URLSession(configuration: .ephemeral)
        return [.ok("system", Bilingual("SQLite \(SQLiteStore.libraryVersion); XMLParser reads XML (libxml2); URLSession ready (libcurl)",
                                        "SQLite \(SQLiteStore.libraryVersion)；XMLParser 可读 XML（libxml2）；URLSession 就绪（libcurl）"))]
    }
}
