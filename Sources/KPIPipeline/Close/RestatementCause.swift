import KPISchema

/// A restatement's cause worded from the files behind the fact that arrived after its period was closed.
enum RestatementCause {
    /// `late file: inbox/ebay/late.csv`, `correction: inbox/x.csv loaded again with changes`, then `also` (what else
    /// changed, for a full recompute); nil without files, so the refresh's own cause stands.
    static func naming(_ files: [(file: String, correction: Bool)], also: Bilingual? = nil) -> Bilingual? {
        guard !files.isEmpty else { return nil }
        var parts: [Bilingual] = []
        let late = files.filter { !$0.correction }.map(\.file), corrected = files.filter(\.correction).map(\.file)
        if !late.isEmpty {
            parts.append(Bilingual("late file\(late.count == 1 ? "" : "s"): \(list(late, .en))", "迟到的文件：\(list(late, .zh))"))
        }
        if !corrected.isEmpty {
            parts.append(Bilingual("correction: \(list(corrected, .en)) loaded again with changes",
                                   "更正：\(list(corrected, .zh)) 更改后重新加载"))
        }
        if let also { parts.append(also) }
        return Bilingual(parts.map(\.en).joined(separator: "; "), parts.map(\.zh).joined(separator: "；"))
    }

    /// The first three names, and how many more.
    private static func list(_ files: [String], _ language: DisplayLanguage) -> String {
        let shown = files.prefix(3).joined(separator: language.pick(", ", "、"))
        guard files.count > 3 else { return shown }
        return shown + language.pick(" and \(files.count - 3) more", " 等 \(files.count) 个")
    }
}
