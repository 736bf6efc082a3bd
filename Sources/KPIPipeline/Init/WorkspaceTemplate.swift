import KPIWorkspace

/// The files `kpibridge init` writes: a workspace that `validate` accepts and `run` runs on an empty
/// inbox, every setting commented in both languages so a team can read it before changing it.
package struct WorkspaceTemplate: Sendable {
    package var shops: [InitShop]

    package init(shops: [InitShop]) {
        self.shops = shops
    }

    /// Path in the workspace → contents, in the order they are reported.
    package var files: [(path: String, contents: String)] {
        [("kpibridge.yaml", configuration), ("definitions.yaml", Self.definitions), ("scorecards.yaml", Self.scorecards),
         ("fx_rates.csv", Self.fxRates), ("targets.csv", Self.targets), ("templates/roster.csv", Self.roster), ("templates/roster_en.csv", Self.rosterEnglish),
         ("templates/sku_costs.csv", Self.skuCosts),
         ("schedules/nightly.yaml", Self.nightly)]
    }

    /// Inbox folders: one per shop, and one for the team's sheets (roster, ratings, violations).
    package var folders: [String] { shops.map { "inbox/\($0.shop)" } + ["inbox/team"] }

    /// `kpibridge.yaml`: the store, the files it names, and one source per shop.
    var configuration: String {
        var text = """
            # kpibridge 工作区 · A kpibridge workspace: exports land in inbox/, `kpibridge run` loads what is new.
            # Paths are relative to this folder and may not leave it. 路径相对本文件夹,不能指向外部。
            store: sqlite:.kpibridge/warehouse.sqlite   # or postgres://user@host/db?schema=kpi (password from PGPASSWORD)
            definitions: definitions.yaml               # 口径 · what "shipped", "a day", "sales" mean per team
            fx_rates: fx_rates.csv                      # 汇率 · date,from,to,rate — one row per currency and day
            targets: targets.csv                        # 目标表 · per person, shop or team (CSV or XLSX); rows win over scorecards.yaml
            inbox: inbox

            # 群通知 · Tell a group chat about failed runs, stale sources, pacing alerts and reports
            # (`kpibridge notify` sends a test message). The URL and secret come from the environment or a file.
            # notify:
            #   - name: ops
            #     channel: feishu                  # feishu 飞书 | dingtalk 钉钉 | wecom 企业微信 | slack
            #     webhook: env:KPI_FEISHU_WEBHOOK
            #     secret: env:KPI_FEISHU_SECRET    # 签名校验 / 加签 (飞书, 钉钉)
            #     on: [failed, stale, pacing, report]
            #     lang: zh

            # 买家 · Repeat-purchase and retention rates (复购率, 留存率) need to know two orders came from one buyer.
            # With a salt, exports that name the buyer (Shopify Email, eBay Buyer Username) keep only a keyed hash
            # of it; the e-mail and the salt never reach the store. 16+ characters (`openssl rand -hex 32`), from
            # the environment or a file outside version control; a run under another salt than the store's stops.
            # customers:
            #   salt: env:KPIBRIDGE_CUSTOMER_SALT

            # 数据源 · One source per export: which connector reads it, which files, and what the files do not say.
            # Files no source names are routed by their header when exactly one connector fits (the roster in
            # inbox/team/, ERP exports, help-desk exports): `kpibridge connectors detect FILE` shows the match.
            sources:
            """
        if shops.isEmpty {
            text += " []\n  # e.g.\n  # - connector: amazon.all_orders\n  #   files: inbox/amazon-us/*.txt\n  #   shop: amazon-us\n"
        }
        text += "\n"
        for shop in shops {
            text += "  - connector: \(shop.connector)\n    files: inbox/\(shop.shop)/*\n    shop: \(shop.shop)\n"
                + "    # fresh_within: 36h   # 断更提醒 · once exports arrive daily: runs exit 4 when none came for this long\n"
            if let currency = shop.currency {
                text += "    currency: \(currency)        # the export names no currency: the shop sells in this one\n"
            }
            if let timezone = shop.timezone {
                text += "    timezone: \(timezone)   # the zone the export writes its times in\n"
            }
        }
        return text
    }

    /// `scorecards.yaml`: the scoring rules with the seeds' weights for two common roles.
    static let scorecards = """
        # 绩效考核 · Scorecards: which roster role (岗位) is scored on what, against which targets.
        # Weights per card sum to 100. Set your own targets before the first month is scored; each change is
        # kept as a version (`targets:` with `from:` dates). `kpibridge explain --employee ID --period 2026-10`
        # shows how every point was reached.
        timezone: Asia/Shanghai        # 评分日期所在时区 · the zone ratings and violations are placed in
        grains: [month, quarter]       # 考核周期 · periods scored
        target_rule: latest            # 目标取值 · latest (期末生效的目标 the target in force at period end) | prorated (按天折算 by days in force)
        missing_data: reweight         # 缺数据的考核项 · a line without data: reweight (权重转给有数据的项 its weight moves to lines with data) | zero (记0分)
                                       #   `kpibridge doctor` names lines no loaded data feeds · doctor 会列出没有数据来源的考核项
        cap: 1.2                       # 达成率上限 · achievement is clamped to [0, cap]
        grades: {S: 110, A: 95, B: 80, C: 60, below: D}   # 等级分数线 · grade bands on the total
        # bonus: {S: 1.5, A: 1.2, B: 1.0, C: 0.8, D: 0, VETO: 0}   # 奖金系数 · bonus coefficient per grade (every grade, VETO optional)
        veto: [fake_orders, false_advertising, account_suspended]   # 一票否决 · violations (from the violations sheet) that zero a card
        # veto_severity: {严重: veto, 一般: 10, 轻微: 5}   # 按严重程度 · by the sheet's 严重程度: veto, or points off the total
        segments: [new_hire, night]    # 人群优先级 · which segment's targets apply first when someone is in both
        new_hire_days: 90              # 新人期天数 · days after hire counted as new_hire
        pacing: {on_track: 0.165, behind: 0.33}   # 进度预警 · projected shortfall below 16.5 % on track, to 33 % behind, above at risk

        # 岗位 → 考核表 · Roster role → scorecard (Chinese or English role names).
        roles:
          平台运营: platform_ops
          Platform Ops: platform_ops
          客服: support
          Support: support

        scorecards:
          # Order exports alone feed gmv growth and aov; traffic_growth and conversion_rate need a traffic report
          # (Amazon Business Report) — add those lines once one loads. 订单导出只能算销售额增长和客单价;
          # 流量增长、转化率需要流量报表(如亚马逊业务报告),导入后再加这两项。
          platform_ops:
            title: 平台运营
            lines:
              - {metric: gmv_growth, profile: cn, weight: 50, target: 0.10}   # 销售额环比增长 · month-on-month sales growth
              - {metric: aov, profile: cn, weight: 40, target: 200}           # 客单价 · CNY, the cn profile's currency
              - {rating: 工作态度, weight: 10}                                  # 主管评分 · from a ratings sheet in inbox/team/
          # Needs a help-desk source (Zendesk, Freshdesk, Gorgias) · 需要客服工单数据源。
          support:
            title: 客服
            lines:
              - metric: first_response_hours
                profile: us
                weight: 40
                targets:
                  - {value: 8}
                  - {value: 10, segment: night}
              - {metric: sla_response_rate, profile: us, weight: 30, target: 0.9}
              - {metric: csat, profile: us, weight: 20, target: 0.9, scope: team}
              - {rating: 工作态度, weight: 10}

        """

    /// `schedules/nightly.yaml`: load, refresh and score every night (`kpibridge schedule print` installs it).
    static let nightly = """
        # 每晚任务 · Every night after the exports have landed in the inbox: load what is new, refresh the fact
        # tables and score. `kpibridge schedule print --workspace . --schedules schedules` prints the crontab line.
        description: nightly imports and scoring
        cron: "30 2 * * *"          # minute hour day-of-month month day-of-week
        timezone: Asia/Shanghai     # the zone the cron time is in
        stages: [load, score]

        """

    /// `fx_rates.csv`: the header only; the run names every currency and day it needs a rate for.
    static let fxRates = "date,from,to,rate\n"

    /// `targets.csv`: the targets sheet's header, each column named in both languages; empty, it sets nothing.
    static let targets = TargetSheetFile.templateHeader + "\n"
    /// `templates/roster.csv`: the roster's columns (花名册), to fill and drop into inbox/team/.
    static let roster = "工号,姓名,团队,岗位,班次,入职日期,离职日期,时区,负责店铺,负责SKU,工单组,服务商\n"
    /// `templates/sku_costs.csv`: the SKU cost history's columns (成本表), for cogs, margin and stock value; filled,
    /// it goes into any inbox folder (its header routes it to `finance.sku_costs`).
    static let skuCosts = "SKU,生效日期,采购单价,头程运费,币种,供应商,备注\n"
    /// The same columns under the English names the roster connector also reads.
    static let rosterEnglish = "Employee ID,Name,Team,Role,Shift,Hire Date,Leave Date,Time Zone,Shops,SKUs,Ticket Groups,Provider\n"
}
