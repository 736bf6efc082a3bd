import KPISchema
import KPIWorkspace

/// `kpibridge definitions show` and `diff`: every concept and the variant each profile version picks.
package struct DefinitionsReport: Sendable {
    package let file: DefinitionsFile
    package var language: DisplayLanguage?

    package init(file: DefinitionsFile, language: DisplayLanguage? = nil) {
        self.file = file
        self.language = language
    }

    /// The phrase in the chosen language; English when none was chosen (the machine-name output).
    private func say(_ en: String, _ zh: String) -> String { (language ?? .en).pick(en, zh) }

    private func concept(_ c: Concept) -> String {
        language.map { "\(DisplayNames.concept(c.rawValue, $0)) (\(c.rawValue))" } ?? c.rawValue
    }

    private func variant(_ profile: DefinitionProfile, _ c: Concept) -> String {
        let raw = profile.variant(c)
        var text = language.map { DisplayNames.variant(raw, $0) } ?? raw
        if c == .responseTime, case .businessHours(let calendar) = profile.responseTime { text += (language == .zh ? "：" : ": ") + calendar.summary(language ?? .en) }
        return text
    }

    /// Each version of `profile` (or of every profile): its dates and every concept's variant.
    package func show(profile: String? = nil) throws(PipelineError) -> String {
        let names = try selected(profile)
        var lines: [String] = []
        for name in names {
            let versions = file.definitions.versions(of: name)
            for (index, version) in versions.enumerated() {
                let last = index + 1 < versions.count ? versions[index + 1].effectiveFrom?.adding(days: -1) : nil
                let span: String = switch (version.effectiveFrom, last) {
                case let (from?, last?): say("from \(from) until \(last)", "\(from) 至 \(last)")
                case let (from?, nil): say("from \(from)", "自 \(from) 起")
                case let (nil, last?): say("from the beginning until \(last)", "截至 \(last)")
                case (nil, nil): say("from the beginning", "一直有效")
                }
                let description = version.description(in: language ?? .en)
                lines.append("\(version.label)  \(span)" + (description.map { " — \($0)" } ?? ""))
                // Padded by terminal columns: a Chinese concept name takes two a character.
                let width = Concept.allCases.map { TerminalWidth.of(concept($0)) }.max()!
                for c in Concept.allCases {
                    let changed = index > 0 && versions[index - 1].variant(c) != version.variant(c)
                    lines.append("  \(TerminalWidth.pad(concept(c), width))  \(variant(version, c))"
                                 + (changed ? say("   (changed in v\(version.version))", "   （v\(version.version) 起变更）") : ""))
                }
                lines.append("")
            }
        }
        if profile == nil, !file.pairs.isEmpty {
            let pairs = file.pairs.map { "\($0.a) vs \($0.b)" }.joined(separator: ", ")
            let grains = file.detailGrains.sorted().map { grain in language.map { DisplayNames.grain(grain.rawValue, $0) } ?? grain.rawValue }
            lines.append(say("reconciled pairs: \(pairs); details kept for ", "对账的口径组合：\(pairs)；逐条记录保存粒度：")
                         + grains.joined(separator: say(", ", "、")))
        }
        return lines.joined(separator: "\n")
    }

    /// The concepts on which two profiles' versions in force on `date` (default: their latest) differ.
    package func diff(_ a: String, _ b: String, on date: CivilDate? = nil) throws(PipelineError) -> String {
        _ = try selected(a)
        _ = try selected(b)
        func pick(_ name: String) -> DefinitionProfile {
            date.flatMap { file.definitions.dated(name, on: $0) } ?? file.definitions.versions(of: name).last!
        }
        let va = pick(a), vb = pick(b)
        let differing = va.differences(from: vb)
        var lines = ["\(va.label) vs \(vb.label)" + (date.map { say(" on \($0)", "（\($0)）") } ?? "") + say(": ", "：")
                     + (differing.isEmpty ? say("no differences", "没有分歧")
                        : say("\(differing.count) of \(Concept.allCases.count) concepts differ",
                              "\(Concept.allCases.count) 个概念中 \(differing.count) 个不同"))]
        let width = differing.map { TerminalWidth.of(concept($0)) }.max() ?? 0
        let left = differing.map { TerminalWidth.of(variant(va, $0)) }.max() ?? 0
        for c in differing {
            lines.append("  \(TerminalWidth.pad(concept(c), width))  \(TerminalWidth.pad(variant(va, c), left))  |  \(variant(vb, c))")
        }
        return lines.joined(separator: "\n")
    }

    private func selected(_ profile: String?) throws(PipelineError) -> [String] {
        guard let profile else { return file.definitions.names }
        guard !file.definitions.versions(of: profile).isEmpty else {
            let names = file.definitions.names.joined(separator: ", ")
            throw .usage(Bilingual("no profile `\(profile)`; profiles: \(names)", "没有口径 `\(profile)`；已有口径：\(names)"))
        }
        return [profile]
    }
}
