extension Policy {
    /// The embedded default: 普通高中国家助学金, paid per semester at 1500 / 1150 / 800 yuan.
    /// `defaultYAML` is the same policy as a commented file; a test keeps the two equal.
    public static let `default` = Policy(
        school: "示例县第一中学",
        year: 2026,
        term: "秋季学期",
        termStart: "2026-09-01",
        program: "普通高中国家助学金",
        paymentSummary: "2026秋普高国家助学金",
        tiers: [
            Tier(level: "特别困难", aliases: ["一档", "一等", "A档", "A", "A类", "第一档", "1档", "家庭经济特别困难"], amount: Money(yuan: 1500)),
            Tier(level: "困难", aliases: ["比较困难", "二档", "二等", "B档", "B", "B类", "第二档", "2档", "家庭经济困难"], amount: Money(yuan: 1150)),
            Tier(level: "一般困难", aliases: ["三档", "三等", "C档", "C", "C类", "第三档", "3档", "家庭经济一般困难"], amount: Money(yuan: 800)),
        ],
        topTierCategories: ["脱贫家庭", "防返贫监测对象", "低保", "特困供养", "孤儿", "事实无人抚养儿童", "残疾学生", "烈士子女"],
        documents: Documents(
            required: [
                Document(name: "申请表", columns: ["申请表", "申请书", "资助申请表"]),
                Document(name: "户口本", columns: ["户口本", "户口簿", "户口本复印件", "户口簿复印件", "户籍证明"]),
                Document(name: "身份证复印件", columns: ["身份证复印件", "身份证明", "身份证"]),
            ],
            categoryProof: [
                CategoryProof(category: "脱贫家庭", aliases: ["脱贫户", "建档立卡", "原建档立卡", "建档立卡户", "建档立卡贫困户", "原建档立卡贫困户", "脱贫人口"],
                              document: "扶贫帮扶手册", columns: ["扶贫帮扶手册", "扶贫手册", "帮扶手册"]),
                CategoryProof(category: "防返贫监测对象", aliases: ["监测对象", "防返贫监测户", "防止返贫监测对象", "脱贫不稳定户", "边缘易致贫户", "突发严重困难户"],
                              document: "监测对象证明", columns: ["监测对象证明", "扶贫帮扶手册"]),
                CategoryProof(category: "低保", aliases: ["最低生活保障家庭", "城乡低保", "低保户", "低保家庭", "农村低保", "城镇低保", "城市低保", "最低生活保障", "最低生活保障对象"],
                              document: "低保证", columns: ["低保证", "低保证明"]),
                CategoryProof(category: "特困供养", aliases: ["特困供养人员", "特困人员", "特困供养对象", "特困", "五保", "五保户"],
                              document: "特困人员救助供养证", columns: ["特困人员救助供养证", "特困供养证", "特困证"]),
                CategoryProof(category: "孤儿", aliases: [],
                              document: "民政部门证明", columns: ["孤儿证", "民政证明", "民政部门证明"]),
                CategoryProof(category: "事实无人抚养儿童", aliases: ["事实孤儿", "事实无人抚养"],
                              document: "民政部门证明", columns: ["民政证明", "民政部门证明", "事实无人抚养证明"]),
                CategoryProof(category: "残疾学生", aliases: ["家庭经济困难残疾学生", "残疾人家庭子女", "残疾人子女", "残疾", "残疾人", "残疾家庭"],
                              document: "残疾人证", columns: ["残疾人证", "残疾证"]),
                CategoryProof(category: "烈士子女", aliases: ["烈士子女学生"],
                              document: "烈士子女证明", columns: ["烈士子女证明", "退役军人事务部门证明"]),
                CategoryProof(category: "其他", aliases: ["其他家庭经济困难", "其他困难", "其他经济困难", "一般困难家庭"],
                              document: "情况说明", columns: ["情况说明", "家庭经济困难情况说明"]),
            ],
            genericProof: ["困难证明", "证明材料", "困难证明材料"],
            missingMarks: ["无", "否", "×", "✗", "✘", "0", "N", "n", "no", "No", "NO", "未交", "缺", "没有", "/", "-"],
            listCountsAsProof: true
        ),
        age: AgeLimits(minimum: 12, maximum: 25, olderThan: 20, olderSharePercent: 5),
        sharedPhoneThreshold: 3,
        coveragePercent: 30,
        classSizes: [:],
        uniformClassMinimum: 5,
        severity: [:],
        notice: NoticeSettings(
            workingDays: 5,
            complaintPhone: "0000-12345678",
            holidays: ["2026-10-01", "2026-10-02", "2026-10-05", "2026-10-06", "2026-10-07", "2026-10-08",
                       "2027-01-01"],
            extraWorkdays: ["2026-09-27", "2026-10-10"]
        ),
        bank: BankSettings(template: "generic")
    )

    /// The default policy as a file a clerk can edit (`zizhu policy init`).
    public static let defaultYAML = """
    # zizhu 资助政策文件（YAML）。以 # 开头的是说明，可删除。
    # 修改后可用 `zizhu policy check 本文件` 检查，用 `--policy 本文件` 在 check/run 中使用。

    # 学校名称：用于花名册标题和“填报单位”
    school: 示例县第一中学
    # 年度与学期：用于标题，例如“2026年秋季学期”
    year: 2026
    term: 秋季学期
    # 学期开始日期（年-月-日）：年龄按这一天计算
    termStart: "2026-09-01"
    # 资助项目名称
    program: 普通高中国家助学金
    # 银行代发文件中的“摘要”
    paymentSummary: 2026秋普高国家助学金

    # 资助档次：每个困难等级每人本学期的金额（元，最多两位小数）
    # level 写表格“困难等级”列中的写法，aliases 是其他写法（比较时忽略空格、全角半角、大小写）；
    # 困难等级不是其中任何一种写法时报 level-unknown
    tiers:
      - level: 特别困难
        aliases: [一档, 一等, A档, A, A类, 第一档, 1档, 家庭经济特别困难]
        amount: "1500.00"
      - level: 困难
        aliases: [比较困难, 二档, 二等, B档, B, B类, 第二档, 2档, 家庭经济困难]
        amount: "1150.00"
      - level: 一般困难
        aliases: [三档, 三等, C档, C, C类, 第三档, 3档, 家庭经济一般困难]
        amount: "800.00"

    # 特殊群体：通常按最高档资助的困难类型
    topTierCategories: [脱贫家庭, 防返贫监测对象, 低保, 特困供养, 孤儿, 事实无人抚养儿童, 残疾学生, 烈士子女]

    # 证明材料
    documents:
      # 每位学生都必须提交的材料；columns 是表格中可能的列名
      required:
        - name: 申请表
          columns: [申请表, 申请书, 资助申请表]
        - name: 户口本
          columns: [户口本, 户口簿, 户口本复印件, 户口簿复印件, 户籍证明]
        - name: 身份证复印件
          columns: [身份证复印件, 身份证明, 身份证]
      # 各困难类型需要的证明（category 为“困难类型”列的写法，aliases 为其他写法，含学生资助管理信息系统的
      # 正式名称；比较时忽略空格、全角半角和末尾的“学生”）。困难类型不是其中任何一种写法时报 category-unknown
      categoryProof:
        - category: 脱贫家庭
          aliases: [脱贫户, 建档立卡, 原建档立卡, 建档立卡户, 建档立卡贫困户, 原建档立卡贫困户, 脱贫人口]
          document: 扶贫帮扶手册
          columns: [扶贫帮扶手册, 扶贫手册, 帮扶手册]
        - category: 防返贫监测对象
          aliases: [监测对象, 防返贫监测户, 防止返贫监测对象, 脱贫不稳定户, 边缘易致贫户, 突发严重困难户]
          document: 监测对象证明
          columns: [监测对象证明, 扶贫帮扶手册]
        - category: 低保
          aliases: [最低生活保障家庭, 城乡低保, 低保户, 低保家庭, 农村低保, 城镇低保, 城市低保, 最低生活保障, 最低生活保障对象]
          document: 低保证
          columns: [低保证, 低保证明]
        - category: 特困供养
          aliases: [特困供养人员, 特困人员, 特困供养对象, 特困, 五保, 五保户]
          document: 特困人员救助供养证
          columns: [特困人员救助供养证, 特困供养证, 特困证]
        - category: 孤儿
          aliases: []
          document: 民政部门证明
          columns: [孤儿证, 民政证明, 民政部门证明]
        - category: 事实无人抚养儿童
          aliases: [事实孤儿, 事实无人抚养]
          document: 民政部门证明
          columns: [民政证明, 民政部门证明, 事实无人抚养证明]
        - category: 残疾学生
          aliases: [家庭经济困难残疾学生, 残疾人家庭子女, 残疾人子女, 残疾, 残疾人, 残疾家庭]
          document: 残疾人证
          columns: [残疾人证, 残疾证]
        - category: 烈士子女
          aliases: [烈士子女学生]
          document: 烈士子女证明
          columns: [烈士子女证明, 退役军人事务部门证明]
        - category: 其他
          aliases: [其他家庭经济困难, 其他困难, 其他经济困难, 一般困难家庭]
          document: 情况说明
          columns: [情况说明, 家庭经济困难情况说明]
      # 通用的“困难证明”列，可代替任一类型的证明
      genericProof: [困难证明, 证明材料, 困难证明材料]
      # 单元格写这些（或留空）表示“未提交”
      missingMarks: ["无", "否", "×", "✗", "✘", "0", "N", "n", "no", "No", "NO", "未交", "缺", "没有", "/", "-"]
      # 困难认定名单（--evidence 类型=文件）按学生或监护人的身份证号核实了某学生的困难类型时，
      # 是否以名单代替该类型的证明材料：true 时不再因缺少该证明而退回（仍记录 category-verified）；
      # false 时仍要求上交证明材料。仅按监护人姓名匹配的不能代替。旧的政策文件没有此键时按 true 处理。
      listCountsAsProof: true

    # 年龄（按学期开始日计算的周岁）
    age:
      # 小于 minimum 或大于 maximum 时提示 age-out-of-range
      minimum: 12
      maximum: 25
      # 大龄：超过此年龄
      olderThan: 20
      # 大龄学生占一个文件申请人数的比例超过此百分比时提示 older-age-ratio
      olderSharePercent: 5

    # 同一联系电话出现在这么多名（不同家庭的）申请人上时提示 phone-shared
    sharedPhoneThreshold: 3
    # 资助面上限：申请人数超过班级人数的此百分比时提示 quota-exceeded（需知道班级人数）
    coveragePercent: 30
    # 班级人数（表格没有“班级人数”列时在此填写），例如：  高一(1)班: 52
    classSizes: {}
    # 一个班至少这么多人且金额全部相同时提示 amount-uniform（平均分配）
    uniformClassMinimum: 5

    # 调整某个检查的严重程度：error（退回）、warning（提醒）、info（仅记录）
    # 例如：  card-luhn: info
    severity: {}

    # 公示
    notice:
      # 公示期（工作日，至少 5 天）
      workingDays: 5
      # 监督电话
      complaintPhone: "0000-12345678"
      # 法定节假日（不算工作日）
      holidays: ["2026-10-01", "2026-10-02", "2026-10-05", "2026-10-06", "2026-10-07", "2026-10-08", "2027-01-01"]
      # 调休上班的周末（算工作日）
      extraWorkdays: ["2026-09-27", "2026-10-10"]

    # 银行代发
    bank:
      # 默认的银行上传模板（zizhu bank --list 查看全部）
      template: generic

    """
}
