/// The columns of a roster that zizhu understands. The raw value is the canonical Chinese header, which is
/// also the `field` of a finding. Header synonyms live in `ZizhuImport/ColumnMapper.swift`.
public enum Field: Int, CaseIterable, Sendable, Codable, CustomStringConvertible {
    case serial, name, gender, ethnicity, idNumber, studentNumber, school, grade, className
    case householdType, category, level, program, amount, card, bank, cardHolder, guardian, guardianID
    case phone, address, birthDate, classSize
    // Enrolment exports and assistance lists (issue 8).
    case enrolmentStatus, relation

    /// The canonical header as the official forms write it.
    public var header: String {
        switch self {
        case .serial: "序号"
        case .name: "姓名"
        case .gender: "性别"
        case .ethnicity: "民族"
        case .idNumber: "身份证号"
        case .studentNumber: "学籍号"
        case .school: "学校"
        case .grade: "年级"
        case .className: "班级"
        case .householdType: "户籍性质"
        case .category: "困难类型"
        case .level: "困难等级"
        case .program: "资助项目"
        case .amount: "资助金额"
        case .card: "银行卡号"
        case .bank: "开户行"
        case .cardHolder: "持卡人"
        case .guardian: "监护人"
        case .guardianID: "监护人身份证号"
        case .phone: "联系电话"
        case .address: "家庭住址"
        case .birthDate: "出生日期"
        case .classSize: "班级人数"
        case .enrolmentStatus: "学籍状态"
        case .relation: "与户主关系"
        }
    }

    public var description: String { header }

    /// Identifier columns: kept as strings, spaces removed inside, never written as numbers, masked on screen.
    public var isIdentifier: Bool {
        switch self {
        case .idNumber, .studentNumber, .card, .guardianID, .phone: true
        default: false
        }
    }

    /// Personal data that a public notice must never show (教财厅函〔2017〕28号, PIPL).
    public var isPrivate: Bool {
        switch self {
        case .idNumber, .studentNumber, .card, .guardianID, .phone, .address, .birthDate, .category, .bank,
             .cardHolder, .guardian, .householdType:
            true
        default: false
        }
    }
}
