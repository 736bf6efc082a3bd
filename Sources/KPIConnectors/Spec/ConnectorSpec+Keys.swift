import KPISchema

extension KeyRule {
    /// A `when:` list.
    static let condition = KeyRule.list(.keys(["field": .value, "equals": .value, "in": .value, "not_in": .value]))

    /// Every key a connector spec may use.
    static let connectorSpec: KeyRule = {
        var records: [String: KeyRule] = [
            "order": .keys(["version": .value, "cancelled_if_present": .value, "customer": .value]),
            "order_line": .keys(["key": .value, "amount": .value, "unit_price": .value, "version": .value]),
            "fulfillment_events": .anyKey(.keys(["at": .value, "when": condition])),
            "refund": .keys(["amount": .value, "at": .value, "id": .value, "item": .value, "when": condition,
                       "absolute": .value]),
            "return": .keys(["id": .value, "when": condition]),
        ]
        for kind in FlatKind.allCases { records[kind.rawValue] = .keys(["when": condition]) }
        return .keys([
            "id": .value, "title": .value, "title_zh": .value, "platform": .value, "timezone": .value, "known_columns": .value, "fill_down": .value,
            "event_authority": .value,
            "file": .keys(["format": .value, "delimiter": .value, "sheet": .value, "records": .value, "quoting": .value,
                           "encoding": .value, "trim": .value, "header_search_rows": .value]),
            "fields": .anyKey(.keys(["column": .value, "type": .value, "formats": .value, "required": .value, "map": .value,
                                     "default": .value, "decimal_comma": .value, "unit": .value, "timezone": .value,
                                     "blank": .value, "keep_empty": .value])),
            "skip_rows": .list(.keys(["field": .value, "prefix": .value, "equals": .value, "empty": .value])),
            "carry_forward": .keys(["by": .value, "fields": .value]),
            "unpivot": .keys(["name": .value, "value": .value, "group": .value,
                              "parts": .list(.keys(["name": .value, "label": .value, "value": .value, "group": .value]))]),
            "records": .keys(records),
        ])
    }()
}
