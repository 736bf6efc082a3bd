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
            throw .failed("\(Workspace.configFile): customers.salt is not the salt the store's buyer keys were made with "
                          + "(their tag \(other), this salt's \(tag)): every returning buyer would count as a new one. "
                          + "Restore the earlier salt; a new salt needs a new store, with every file loaded again under it. "
                          + "Nothing was loaded")
        }
        return salt
    }
}
