import KPISchema

extension CompiledSpec {
    /// Per field, whether a file lacking its column cannot be read: the field is required, or a record,
    /// a `when:` condition or a row rule reads it and the spec declares no `default` for it.
    ///
    /// A column that is merely absent would otherwise read as empty, and an empty amount counts as 0: a
    /// renamed `item-price` header must fail the file, never load every line at 0. A spec states that a
    /// column may be missing by giving the field a `default` (`default: "0"`, or `""` for text).
    static func columnsNeeded(fields: [CompiledField], fieldIndex: [String: Int], spec: ConnectorSpec,
                              events: [(kind: FulfillmentEventKind, field: String, when: [CompiledCondition])],
                              refundWhen: [CompiledCondition], returnWhen: [CompiledCondition], flat: [CompiledFlat],
                              fillDown: [Int], filters: [CompiledFilter], unpivot: CompiledUnpivot?) -> [ColumnUse] {
        let records = spec.records
        var names: [String] = []
        if records.hasOrderRecords { names += ["order_id", "platform", "shop", "currency"] }
        if let order = records.order {
            names += ["purchased_at", "paid_at", "status"] + (order.version ?? [])
            if let flag = order.cancelledIfPresent { names.append(flag) }
            if let customer = order.customer { names.append(customer) }
        }
        if let line = records.orderLine {
            names += ["sku", "quantity", "tax", "shipping"] + (line.version ?? []) + (line.key ?? [])
            names += [line.amount, line.unitPrice].compactMap { $0 }
        }
        if !events.isEmpty { names += events.map { $0.field } + ["tracking_number"] }
        if let refund = records.refund { names += [refund.amount] + [refund.at, refund.id, refund.item].compactMap { $0 } }
        if let ret = records.return { names += ["sku", "quantity", "returned_at", "reason"] + [ret.id].compactMap { $0 } }
        if !flat.isEmpty { names.append("platform") }
        if let carry = spec.carryForward { names += [carry.by] + carry.fields }
        var used = Set(names.compactMap { fieldIndex[$0] })
        let conditions = events.flatMap { $0.when } + refundWhen + returnWhen + flat.flatMap { $0.when }
        used.formUnion(conditions.map(\.field))
        used.formUnion(flat.flatMap { $0.sources.compactMap { $0 } })
        used.formUnion(fillDown)
        used.formUnion(filters.map(\.field))
        // Every part's columns: a renamed `item-related-fee-amount` must fail the file, not drop its fees.
        used.formUnion(unpivot?.readFields ?? [])
        let filledByParts = Set(unpivot?.filledFields ?? [])
        return fields.indices.map { index in
            if filledByParts.contains(index) { return .unread }
            if fields[index].spec.required { return .needed }
            guard used.contains(index) else { return .unread }
            return fields[index].spec.default == nil ? .needed : .optional
        }
    }

    /// What a file lacking a field's column means.
    enum ColumnUse: Sendable {
        /// The file cannot be read without it.
        case needed
        /// Records read it, and the spec declares a default: read as that, and the run says so.
        case optional
        /// Nothing reads it.
        case unread
    }
}

extension CompiledSpec.CompiledField {
    /// Whether the field reads a number (an amount, a quantity, a duration): an absent one would count as 0.
    var isNumber: Bool {
        switch parser {
        case .integer, .decimal, .duration: true
        case .text, .datetime, .date: false
        }
    }
}
