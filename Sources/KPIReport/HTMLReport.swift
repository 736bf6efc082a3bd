import Mustache

/// Renders a ``ReportInput`` as one self-contained HTML file: styles inline, charts as inline SVG,
/// no scripts and nothing fetched when it is opened, so it can be mailed, archived or printed to PDF.
///
/// Every value from data goes through Mustache's `{{…}}`, which HTML-escapes it; the templates use
/// no triple mustaches.
package enum HTMLReport {
    /// The report's HTML. The same input gives the same bytes.
    package static func render(_ input: ReportInput) -> String {
        library.render(ReportPage(input), withTemplate: "report")!
    }

    /// The templates, compiled into the binary (`embedInCode`) so an installed `kpibridge` needs no
    /// resource folder beside it.
    private static let library: MustacheLibrary = {
        let sources: [(String, [UInt8])] = [
            ("report", PackageResources.report_mustache),
            ("scorecard", PackageResources.scorecard_mustache),
            ("chart", PackageResources.chart_mustache),
            ("waterfall", PackageResources.waterfall_mustache),
            ("style", PackageResources.style_mustache),
        ]
        var library = MustacheLibrary()
        for (name, bytes) in sources {
            // A template that does not parse is a build defect; the report tests render every one.
            try! library.register(String(decoding: bytes, as: UTF8.self), named: name)
        }
        return library
    }()
}
