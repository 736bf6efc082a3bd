import KPIConnectors
import KPISchema
import KPIWorkspace

/// The violation kinds a workspace's connectors can write, for `validate`'s check of `scorecards.yaml`'s
/// `veto:` list: a kind spelt there that no violation can carry (`fake_order` for `fake_orders`) would never
/// veto a card, and nothing else would say so.
enum VetoKinds {
    /// Every value the violation connectors map their type column to; nil when one of them passes the
    /// column through unmapped (any text is then a kind, and nothing can be said).
    static func known(in catalog: ConnectorCatalog) -> Set<String>? {
        var kinds: Set<String> = []
        for id in catalog.ids {
            guard let spec = (try? catalog.connector(id)).flatMap({ $0 as? SpecConnector })?.compiled.spec,
                  spec.records.flat[.violation] != nil else { continue }
            guard let map = spec.fields["kind"]?.map else { return nil }
            kinds.formUnion(map.values)
        }
        return kinds
    }

    /// A warning for each `veto:` kind no connector writes.
    static func warnings(_ workspace: Workspace) -> [Bilingual] {
        guard let policy = workspace.scoring?.policy, let known = known(in: workspace.catalog), !known.isEmpty else { return [] }
        let file = workspace.scoringName, list = known.sorted()
        return policy.vetoKinds.sorted().filter { !known.contains($0) }.map { kind in
            Bilingual("\(file): `veto` names `\(kind)`, which no violations connector maps a type to (they map to "
                          + list.joined(separator: ", ") + "): only a sheet whose type column says `\(kind)` word for word would veto"
                          + StrictMapping.hint(kind, among: list).en,
                      "\(file)：`veto` 中的 `\(kind)` 不是任何违规连接器映射出的类型（映射出的有："
                          + list.joined(separator: "、") + "）：只有类型列一字不差写着 `\(kind)` 的违规才会触发一票否决"
                          + StrictMapping.hint(kind, among: list).zh)
        }
    }
}
