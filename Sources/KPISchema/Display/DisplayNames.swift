import Foundation

/// Display names for metrics, concepts, variants, reasons and table columns, in Chinese and English.
///
/// Unknown names fall back to the machine name, so a new column is never blank, only untranslated.
package enum DisplayNames {
    private static let metrics: [String: (en: String, zh: String)] = [
        "gmv": ("Sales (GMV)", "销售额"),
        "orders": ("Orders", "订单数"),
        "aov": ("Average order value", "客单价"),
        "units": ("Units", "销量(件)"),
        "shipped_orders": ("Shipped orders", "已发货订单数"),
        "fulfillment_hours": ("Fulfillment hours", "发货时效(小时)"),
        "on_time_ship_rate": ("On-time ship rate", "及时发货率"),
        "refund_rate": ("Refund rate", "退款率"),
        "first_response_hours": ("First response hours", "首次响应时长(小时)"),
        "sla_response_rate": ("Response SLA rate", "响应达标率"),
        "stockout_rate": ("Stockout rate", "缺货率"),
        "sessions": ("Sessions", "访客数"),
        "page_views": ("Page views", "页面浏览量"),
        "conversion_rate": ("Conversion rate", "转化率"),
        "traffic_growth": ("Traffic growth", "流量增长率"),
        "gmv_growth": ("Sales growth", "销售额增长率"),
        "csat": ("Customer satisfaction", "客户满意度"),
        "task_on_time_rate": ("Tasks on time", "任务按时完成率"),
        "negative_review_handle_hours": ("Negative review handling hours", "差评处理时长(小时)"),
        "net_sales": ("Net sales", "净销售额"),
        "cogs": ("Cost of goods sold", "销售成本"),
        "gross_margin": ("Gross margin", "毛利率"),
        "ad_spend": ("Ad spend", "广告花费"),
        "ad_sales": ("Ad sales", "广告销售额"),
        "acos": ("ACoS", "广告成本销售比(ACoS)"),
        "roas": ("ROAS", "广告投入产出比(ROAS)"),
        "tacos": ("TACoS", "总广告成本销售比(TACoS)"),
        "handle_hours": ("Handling hours", "工单处理时长(小时)"),
        "fcr_rate": ("First contact resolution", "首次解决率"),
        "complaint_rate": ("Complaint rate", "投诉率"),
        "inventory_turnover": ("Inventory turnover", "库存周转率"),
        "days_of_inventory": ("Days of inventory", "库存周转天数"),
        "sell_through_rate": ("Sell-through rate", "售罄率"),
        "orders_per_head": ("Orders per head", "人均单量"),
        "return_rate": ("Return rate", "退货率"),
        "return_cycle_days": ("Return cycle days", "退货处理周期(天)"),
        "repurchase_rate": ("Repurchase rate", "复购率"),
        "retention_rate": ("Retention rate", "留存率"),
        "renewal_rate": ("Renewal rate", "续约率"),
    ]

    private static let concepts: [String: (en: String, zh: String)] = [
        "timezone": ("Time zone", "时区"),
        "shipped": ("Shipped means", "发货口径"),
        "sales": ("Sales basis", "销售额口径"),
        "tax": ("Tax", "税费"),
        "shipping": ("Shipping fee", "运费"),
        "currency": ("Currency", "币种"),
        "ship_sla_hours": ("Ship SLA hours", "发货时限(小时)"),
        "inventory": ("Inventory", "库存口径"),
        "response_time": ("Response time", "响应时长口径"),
        "response_sla_hours": ("Response SLA hours", "响应时限(小时)"),
        "ad_attribution": ("Ad attribution window", "广告归因窗口"),
        "cogs_basis": ("Cost basis", "成本口径"),
        "margin_fees": ("Fees in margin", "毛利扣减费用"),
        "complaint_tags": ("Complaint tags", "投诉标签"),
        "repurchase_window": ("Repurchase window", "复购周期"),
    ]

    private static let variants: [String: (en: String, zh: String)] = [
        "label_printed": ("label printed", "打单"),
        "outbound": ("left the warehouse", "出库"),
        "carrier_first_scan": ("first carrier scan", "扫描上网"),
        "delivered": ("delivered", "签收"),
        "gross": ("gross", "总额(不扣退款)"),
        "net": ("net of refunds", "净额(扣除退款)"),
        "included": ("included", "含"),
        "excluded": ("excluded", "不含"),
        "system": ("system quantity", "系统库存"),
        "counted": ("counted quantity", "盘点库存"),
        "calendar_hours": ("calendar hours", "自然小时"),
        "7d": ("7 days after the click", "点击后7天"),
        "14d": ("14 days after the click", "点击后14天"),
        "purchase": ("purchase cost", "采购成本"),
        "landed": ("landed cost (with inbound freight)", "到岸成本(含头程)"),
        "none": ("no fees", "不扣平台费用"),
        "referral": ("referral commission only", "只扣佣金"),
        "settlement": ("settlement fees", "扣结算费用"),
        "undeclared": ("not declared", "未定义"),
    ]

    private static let reasons: [String: (en: String, zh: String)] = [
        "shipped_event": ("different shipped event", "发货口径不同"),
        "event_missing": ("event not recorded yet", "缺少发货事件"),
        "period_boundary": ("period boundary in another zone", "时区跨期"),
        "refund": ("refund deducted on one side", "退款是否扣减"),
        "tax": ("tax in or out", "是否含税"),
        "shipping": ("shipping in or out", "是否含运费"),
        "currency": ("conversion at another day's rate", "汇率日期不同"),
        "inventory": ("system or counted stock", "库存口径不同"),
        "response_time": ("calendar or business hours", "响应时长口径不同"),
        "sla": ("different SLA hours", "时限不同"),
        "cost_basis": ("purchase or landed cost", "成本口径不同"),
        "margin_fees": ("fees deducted on one side", "毛利扣费口径不同"),
        "ad_attribution": ("7- or 14-day ad sales", "广告归因窗口不同"),
        "complaint_tags": ("different complaint tags", "投诉标签不同"),
        "version_change": ("counted again under the next definition version", "口径新版本再次计入"),
    ]

    private static let columns: [String: String] = [
        "grain": "粒度", "period_start": "期间开始", "period_end": "期间结束", "timezone": "时区",
        "scope_type": "范围类型", "scope_id": "范围", "metric": "指标", "profile": "口径", "profile_version": "口径版本",
        "definition": "定义", "value": "数值", "numerator": "分子", "denominator": "分母", "unit": "单位",
        "currency": "币种", "record_count": "记录数", "run_id": "运行号", "profile_a": "口径A", "definition_a": "定义A",
        "value_a": "数值A", "profile_b": "口径B", "definition_b": "定义B", "value_b": "数值B",
        "value_b_in_a": "数值B(按A币种)", "delta": "差额", "differing_concepts": "分歧概念", "records_only_a": "仅A计入",
        "records_only_b": "仅B计入", "records_differing": "计值不同", "record_kind": "记录类型", "record_id": "记录",
        "platform": "平台", "shop": "店铺", "in_a": "A计入", "in_b": "B计入", "reasons": "原因", "explanation": "说明",
        "source_file": "来源文件", "source_line": "行号", "version": "版本", "effective_from": "生效日期",
        "concept": "概念", "variant": "取值", "detail": "说明", "change": "变更", "old_value": "原值", "new_value": "新值",
        "old_definition": "原定义", "new_definition": "新定义",
        "name": "姓名", "role": "岗位", "scorecard": "考核表", "line": "考核项", "target": "目标", "target_basis": "目标依据",
        "actual": "实际", "achievement": "达成率", "weight": "权重", "effective_weight": "实际权重", "points": "得分",
        "total": "总分", "grade": "等级", "veto": "一票否决", "note": "备注", "as_of": "截至", "elapsed_share": "时间进度",
        "projected": "预计", "gap": "差距", "status": "状态", "provider": "服务商", "status_before": "原等级",
        "status_after": "新等级", "result": "结果", "failing": "未达标项", "consecutive_fails": "连续未达标",
        "consecutive_passes": "连续达标", "day": "日期", "month": "月份", "quarter": "季度",
        "scope_name": "范围名称", "metric_zh": "指标(中文)", "metric_en": "指标(英文)", "label_zh": "中文名", "label_en": "英文名",
        // Records, the ledger, runs and quarantine.
        "id": "编号", "kind": "类型", "connector": "连接器", "file": "文件", "file_sha256": "文件SHA-256", "bytes": "字节数",
        "encoding": "编码", "loaded_at": "加载时间", "column_number": "列号", "reason": "原因", "raw": "原始内容",
        "command": "命令", "started_at": "开始时间", "finished_at": "结束时间", "exit_code": "退出码", "message": "消息",
        "files_read": "读取文件数", "files_skipped": "跳过文件数", "rows_read": "读取行数", "rows_loaded": "加载行数",
        "rows_skipped": "跳过行数", "rows_quarantined": "隔离行数", "facts_written": "写入事实数",
        "order_id": "订单号", "line_id": "订单行号", "sku": "SKU编码", "quantity": "数量", "amount": "金额", "tax": "税费",
        "shipping": "运费", "purchased_at": "下单时间", "purchased_zone": "下单时区", "paid_at": "付款时间", "paid_zone": "付款时区",
        "status_raw": "原始状态", "customer_key": "买家标识", "refund_id": "退款编号", "refunded_at": "退款时间",
        "refunded_zone": "退款时区", "return_id": "退货编号", "returned_at": "退货时间", "returned_zone": "退货时区",
        "occurred_at": "发生时间", "occurred_zone": "发生时区", "carrier": "承运商", "tracking_number": "运单号",
        "first_scan_at": "首次扫描时间", "last_scan_at": "最后扫描时间", "scans": "扫描次数", "authority_rank": "来源优先级",
        "counted_in": "计入", "twin_platform": "重复订单平台", "twin_order_id": "重复订单号", "twin_loaded": "重复订单已加载",
        "direction": "方向", "employee_id": "工号", "team": "团队", "shift": "班次", "hired_on": "入职日期", "left_on": "离职日期",
        "shops": "负责店铺", "orders": "订单数", "first_purchased_at": "首单时间", "last_purchased_at": "末单时间",
        "step": "步骤", "cause": "原因", "effect": "影响", "records": "记录数", "converted_from": "原币种",
        "explanation_zh": "说明(中文)", "reason_zh": "原因(中文)", "target_basis_zh": "目标依据(中文)", "veto_zh": "一票否决(中文)", "note_zh": "备注(中文)",
        "achievement_uncapped": "未封顶达成率",
    ]

    /// Grains and scope types: the values of `grain` and `scope_type` columns.
    private static let grains: [String: (en: String, zh: String)] = [
        "day": ("day", "日"), "week": ("week", "周"), "month": ("month", "月"), "quarter": ("quarter", "季度"),
    ]
    private static let scopeTypes: [String: (en: String, zh: String)] = [
        "company": ("company", "公司"), "platform": ("platform", "平台"), "shop": ("shop", "店铺"), "team": ("team", "团队"),
        "employee": ("employee", "员工"), "provider": ("provider", "服务商"),
    ]

    /// `runs.status` values.
    private static let runStatuses: [String: (en: String, zh: String)] = [
        "ok": ("ok", "成功"), "running": ("running", "运行中"), "files failed": ("files failed", "有文件失败"),
        "streams failed": ("streams failed", "有数据流拉取失败"), "rates missing": ("rates missing", "缺少汇率"),
        "scores held": ("scores held", "评分暂缓"), "stale sources": ("stale sources", "有数据源过期"),
        "failed": ("failed", "失败"), "interrupted": ("interrupted", "被中断"), "abandoned": ("abandoned", "进程中止（已放弃）"),
    ]

    /// The kinds of record a reconciliation detail or a fact's trace names.
    private static let recordKinds: [String: (en: String, zh: String)] = [
        "order": ("order", "订单"), "refund": ("refund", "退款"), "ticket": ("ticket", "工单"), "stock": ("stock", "库存"),
        "fee": ("fee", "费用"), "ad": ("ad", "广告"), "traffic": ("traffic", "流量"), "task": ("task", "任务"),
        "review": ("review", "评价"), "contract": ("contract", "合同"),
    ]

    /// Violation kinds a veto names (the violations register's 类型, as its connector maps them).
    private static let violationKinds: [String: (en: String, zh: String)] = [
        "fake_orders": ("fake orders", "刷单"), "false_advertising": ("false advertising", "虚假宣传"),
        "account_suspended": ("account suspended", "账号被封"),
    ]

    /// The grades that are not letters (`fact_score.grade`); S, A, B… read the same in both languages.
    private static let grades: [String: (en: String, zh: String)] = [
        "VETO": ("VETO", "一票否决"), "NO_DATA": ("NO_DATA", "无数据"),
    ]

    /// A service provider's tier (`provider_status.status_before` / `status_after`).
    private static let providerTiers: [String: (en: String, zh: String)] = [
        "probation": ("probation", "考察期"), "pool": ("pool", "合格池"), "warning": ("warning", "警告"),
        "downgraded": ("downgraded", "降级"), "terminated": ("terminated", "终止合作"),
    ]

    /// The bridge's own steps; causes are reasons.
    private static let bridgeSteps: [String: (en: String, zh: String)] = [
        "start": ("start", "起点"),
        "end": ("end", "终点"),
        "rounding": ("rounding to the last decimal", "舍入差"),
        "residual": ("residual (records not compared one by one)", "余差(未逐条比较的记录)"),
        "unexplained": ("no reason named", "未说明原因"),
    ]

    /// Every name in both languages, table by table, for the test that no entry lacks either.
    package static var catalog: [(table: String, key: String, en: String, zh: String)] {
        let tables: [(String, [String: (en: String, zh: String)])] = [
            ("metrics", metrics), ("concepts", concepts), ("variants", variants), ("reasons", reasons),
            ("grains", grains), ("scopeTypes", scopeTypes), ("runStatuses", runStatuses), ("recordKinds", recordKinds),
            ("bridgeSteps", bridgeSteps), ("violationKinds", violationKinds),
            ("providerTiers", providerTiers), ("grades", grades),
        ]
        let named = tables.flatMap { table, names in names.map { (table, $0.key, $0.value.en, $0.value.zh) } }
        return named + columns.map { ("columns", $0.key, column($0.key, .en), $0.value) }
    }

    private static func pick(_ table: [String: (en: String, zh: String)], _ name: String, _ language: DisplayLanguage) -> String {
        guard let names = table[name] else { return name }
        return language.pick(names.en, names.zh)
    }

    package static func metric(_ name: String, _ language: DisplayLanguage) -> String { pick(metrics, name, language) }

    package static func concept(_ name: String, _ language: DisplayLanguage) -> String { pick(concepts, name, language) }

    package static func reason(_ name: String, _ language: DisplayLanguage) -> String { pick(reasons, name, language) }

    /// A run's recorded status in words (`files failed` → 有文件失败).
    package static func runStatus(_ name: String, _ language: DisplayLanguage) -> String { pick(runStatuses, name, language) }

    /// `month` → 月.
    package static func grain(_ name: String, _ language: DisplayLanguage) -> String { pick(grains, name, language) }

    /// `company` → 公司.
    package static func scopeType(_ name: String, _ language: DisplayLanguage) -> String { pick(scopeTypes, name, language) }

    /// `order`, `ticket`… in words (订单, 工单); unknown kinds stay as written.
    package static func recordKind(_ name: String, _ language: DisplayLanguage) -> String { pick(recordKinds, name, language) }

    /// A grade for people: the letters as they are, `VETO` and `NO_DATA` in Chinese as 一票否决 and 无数据.
    package static func grade(_ code: String, _ language: DisplayLanguage) -> String { pick(grades, code, language) }

    /// `probation`, `pool`, `warning`… in words (考察期, 合格池, 警告).
    package static func providerTier(_ name: String, _ language: DisplayLanguage) -> String { pick(providerTiers, name, language) }

    /// `fake_orders`, `false_advertising`… in words (刷单, 虚假宣传); a kind a workspace adds stays as written.
    package static func violationKind(_ name: String, _ language: DisplayLanguage) -> String { pick(violationKinds, name, language) }

    /// A bridge row's cause (`start`, `residual`, `refund`, `period_boundary,currency`…): several reasons
    /// read as one cause joined by `+`.
    package static func cause(_ code: String, _ language: DisplayLanguage) -> String {
        if bridgeSteps[code] != nil { return pick(bridgeSteps, code, language) }
        return code.split(separator: ",").map { reason(String($0), language) }.joined(separator: " + ")
    }

    /// A variant in words; zones, currencies and numbers stay as written.
    package static func variant(_ value: String, _ language: DisplayLanguage) -> String {
        if value.hasPrefix("business_hours("), value.hasSuffix(")") {
            let calendar = value.dropFirst("business_hours(".count).dropLast()
            return language.pick("business hours (\(calendar))", "工作小时(\(calendar))")
        }
        return pick(variants, value, language)
    }

    /// A column header: `已发货订单数`-style Chinese, or `Period start`-style English.
    /// A table's header for people: ``column(_:_:)`` of each, where `line` is the file line (行号) in a table
    /// of records or problems and the scorecard line (考核项) in one that also has `scorecard`.
    package static func columns(_ names: [String], _ language: DisplayLanguage) -> [String] {
        let scored = names.contains("scorecard")
        return names.map { name in
            name == "line" && !scored ? language.pick("Line", "行号") : column(name, language)
        }
    }

    package static func column(_ name: String, _ language: DisplayLanguage) -> String {
        switch language {
        case .zh: return columns[name] ?? name
        case .en:
            let words = name.replacingOccurrences(of: "_", with: " ")
            return words.prefix(1).uppercased() + words.dropFirst()
        }
    }

    /// A fact's definition text with concepts and variants in words:
    /// `cn/v1 timezone=Asia/Shanghai shipped=label_printed` → `cn/v1 时区=Asia/Shanghai 发货口径=打单`.
    package static func definition(_ text: String, _ language: DisplayLanguage) -> String {
        text.split(separator: " ").map { token in
            let parts = token.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2 else { return String(token) }
            return "\(concept(parts[0], language))=\(variant(parts[1], language))"
        }.joined(separator: " ")
    }
}
