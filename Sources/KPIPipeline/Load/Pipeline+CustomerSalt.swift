import KPIConnectors
import KPISchema
import KPIWorkspace

extension Pipeline {
    /// The workspace's customer salt, checked against the buyer keys already in the store: keys under another
    /// salt are other buyers to every rate, so a changed salt would make every returning buyer new. Nil when
    /// kpibridge.yaml names none.
    package func customerSalt() throws(PipelineError) -> CustomerSalt? {
        guard let salt = try workspace.customerSalt() else { return nil }
        let tag = CustomerKey.tag(of: salt)
        let stored = try storeCall { try store.customerKeyTags() }
        if let other = stored.subtracting([tag]).sorted().first {
            throw .failed(Bilingual("\(Workspace.configFile): customers.salt is not the salt the store's buyer keys were made with "
                                    + "(their tag \(other), this salt's \(tag)): every returning buyer would count as a new one. "
                                    + "Restore the earlier salt; a new salt needs a new store, with every file loaded again under it. "
                                    + "Nothing was loaded",
                                    "\(Workspace.configFile)：customers.salt 不是存储中买家键所用的盐值"
                                    + "（它们的标记为 \(other)，此盐值的标记为 \(tag)）：每个回头买家都会被算作新买家。"
                                    + "请恢复原来的盐值；换新盐值需要新建存储，并在新盐值下重新加载每个文件。"
                                    + "未加载任何内容"))
        }
        return salt
    }
}
