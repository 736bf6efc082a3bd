/// Refunds have a decimal amount (and a datetime and text id when named); returns a SKU, quantity and
/// return time. Returns the rows each applies to.
enum RefundsAndReturnsValidator: SpecValidator {
    static func validate(_ context: SpecContext) throws(ConnectorSpecError)
        -> (refunds: [CompiledSpec.CompiledCondition], returns: [CompiledSpec.CompiledCondition])
    {
        let records = context.spec.records
        var refundWhen: [CompiledSpec.CompiledCondition] = []
        if let refund = records.refund {
            try context.need(refund.amount, .decimal, for: "records.refund.amount")
            if let at = refund.at { try context.need(at, .datetime, for: "records.refund.at") }
            if let id = refund.id { try context.need(id, .text, for: "records.refund.id") }
            if let item = refund.item { try context.need(item, .text, for: "records.refund.item") }
            refundWhen = try context.conditions(refund.when, for: "records.refund")
        }
        var returnWhen: [CompiledSpec.CompiledCondition] = []
        if let ret = records.return {
            try context.need("sku", .text, for: "records.return")
            try context.need("quantity", .integer, for: "records.return")
            try context.need("returned_at", .datetime, for: "records.return")
            try context.optional("reason", .text, for: "records.return")
            if let id = ret.id { try context.need(id, .text, for: "records.return.id") }
            returnWhen = try context.conditions(ret.when, for: "records.return")
        }
        return (refundWhen, returnWhen)
    }
}
