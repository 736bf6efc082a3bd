extension WorkspaceTemplate {
    /// `definitions.yaml`: both teams' profiles with every choice and its alternatives explained, the
    /// business-hours calendar the US team's response time counts in, the pair reconciled, fx carry.
    static let definitions = """
        # 口径定义 · What each team means by the words they argue about.
        # Every fact row names the profile and version it was computed with. Once a month has closed under a
        # version, never edit that version: add the next one with `effective_from` (keys it does not repeat
        # are inherited). 已结账月份使用的版本不要改:新增下一个版本并写明生效日期。
        profiles:
          cn:
            description: China team — Beijing time, CNY, shipped when the label is printed, ERP system stock
            description_zh: 中国团队 — 北京时间、人民币、打单即发货、ERP 系统库存   # 中文报告用 · the zh report's words
            versions:
              - version: 1
                timezone: Asia/Shanghai     # 按哪个时区切"一天" · the zone that cuts days, weeks and months
                shipped: label_printed      # 何时算"已发货" · when an order counts as shipped:
                                            #   label_printed (打单) | outbound (出库) | carrier_first_scan (上网)
                sales: gross                # 销售额口径 · gross (refunds not deducted) | net (refunds issued in the period deducted)
                tax: excluded               # 销售额含税? · included | excluded
                shipping: excluded          # 销售额含运费? · included | excluded
                currency: CNY               # 金额折算币种 · every amount is converted to this (rates from fx_rates.csv)
                ship_sla_hours: 48          # 发货时效 · on time when shipped within this many hours of payment
                inventory: system           # 库存口径 · system (ERP 系统库存) | counted (盘点数)
                response_time: calendar_hours   # 首响时长 · calendar_hours (自然小时) | business_hours (工作时间, needs business_calendar)
                response_sla_hours: 24      # 首响时效 · a first reply within this many hours meets the SLA
                ad_attribution: 7d          # 广告归因窗口 · 7d (sellers' Sponsored Products) | 14d (vendors, Sponsored Brands)
                cogs_basis: purchase        # 成本口径 · purchase (采购成本) | landed (加头程运费 · plus inbound freight per unit)
                margin_fees: none           # 毛利扣费 · none (平台费用前的毛利) | referral (只扣佣金 · commission only) | settlement (扣结算报告里的每项费用 · every settlement fee)
                # complaint_tags: complaint, 投诉   # 投诉标签 · ticket tags that make a complaint; none listed, no complaint rate
                # repurchase_window: 90d      # 复购周期 · trailing days a second order counts in; none, no repurchase rate
                                              #   (buyers are keyed only with `customers.salt` in kpibridge.yaml)
          us:
            description: US team — Los Angeles calendar, USD, shipped at the first carrier scan, counted stock
            description_zh: 美国团队 — 洛杉矶时间、美元、承运商首次扫描即发货、盘点库存
            versions:
              - version: 1
                timezone: America/Los_Angeles   # 洛杉矶时间切日 · days cut in Los Angeles
                shipped: carrier_first_scan     # 上网(承运商首扫)算发货 · shipped at the carrier's first scan
                sales: net                      # 净销售额(扣当期退款) · refunds issued in the period deducted
                tax: excluded
                shipping: excluded
                currency: USD                   # 美元 · amounts in US dollars
                ship_sla_hours: 48
                inventory: counted              # 盘点数 · counted stock
                response_time: business_hours   # 按工作时间计首响 · counted in the us_support calendar below
                business_calendar: us_support
                response_sla_hours: 8
                ad_attribution: 7d
                cogs_basis: landed              # 到岸成本(含头程) · landed cost, inbound freight included
                margin_fees: settlement         # 毛利扣结算费用 · margin after the marketplace's settlement fees

        # 工作时间日历 · Shift calendars that business-hour response times count in.
        calendars:
          us_support:
            timezone: America/Los_Angeles
            days: [mon, tue, wed, thu, fri]
            hours: "09:00-18:00"
            holidays: []                # e.g. [2026-11-26, 2026-12-25]

        # 对账 · Profiles computed side by side in fact_reconciliation; the grains whose differing records are
        # listed one by one in reconciliation_detail.
        reconcile:
          pairs: [[cn, us]]
          detail_grains: [month]

        fx:
          # 汇率顺延 · A rate is carried over weekends and holidays for at most this many days; past that the
          # money it would convert waits and the run names the missing currency and day.
          # 周末和节假日沿用最近汇率,最多顺延这些天;超过则相关金额暂缓计算,运行结果会列出缺少的币种和日期。
          max_carry_days: 4

        """
}
