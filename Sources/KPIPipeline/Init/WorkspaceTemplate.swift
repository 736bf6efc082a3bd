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
         ("fx_rates.csv", Self.fxRates), ("templates/roster.csv", Self.roster), ("schedules/nightly.yaml", Self.nightly)]
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
            inbox: inbox

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
        timezone: Asia/Shanghai        # the zone ratings and violations are placed in
        grains: [month, quarter]
        target_rule: latest            # latest (the target in force at period end) | prorated (by days in force)
        missing_data: reweight         # a line without data: reweight (its weight moves to lines with data) | zero
        cap: 1.2                       # achievement is clamped to [0, cap]
        grades: {S: 110, A: 95, B: 80, C: 60, below: D}
        veto: [fake_orders, false_advertising, account_suspended]   # 一票否决 (from the violations sheet)
        segments: [new_hire, night]    # which segment's targets apply first when someone is in both
        new_hire_days: 90
        pacing: {on_track: 0.165, behind: 0.33}

        # 岗位 → 考核表 · Roster role → scorecard.
        roles:
          平台运营: platform_ops
          客服: support

        scorecards:
          platform_ops:
            title: 平台运营
            lines:
              - {metric: traffic_growth, profile: cn, weight: 40, target: 0.10}
              - {metric: conversion_rate, profile: cn, weight: 30, target: 0.08}
              - {metric: aov, profile: cn, weight: 20, target: 200}
              - {rating: 工作态度, weight: 10}
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

    /// `templates/roster.csv`: the roster's columns (花名册), to fill and drop into inbox/team/.
    static let roster = "工号,姓名,团队,岗位,班次,入职日期,离职日期,时区,负责店铺,负责SKU,工单组,服务商\n"
}
