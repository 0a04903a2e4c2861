import ZizhuCore

/// The problems the generator plants, one finding code each. Each is planted so that, as far as the
/// domain allows, its own code is the only finding on the row (a checksum error keeps the right gender
/// digit; a broken card keeps its BIN; …).
enum AnomalyKind: CaseIterable {
    case idChecksum, idBirthdate, idRegion, idFormat, idLegacy, idGenderMismatch, valueExcelMangled
    case nameInvalid, studentNumberMismatch, ageOutOfRange
    case duplicateIDInFile, duplicateIDAcrossFiles, duplicatePerson
    case cardFormat, cardLuhn, cardBankMismatch, cardHolderMismatch, cardShared
    case documentMissing
    case amountInvalid, amountNotStandard, amountLevelMismatch
    case phoneShared
    case categoryUnknown, levelUnknown

    var code: FindingCode {
        switch self {
        case .idChecksum: .idChecksum
        case .idBirthdate: .idBirthdate
        case .idRegion: .idRegion
        case .idFormat: .idFormat
        case .idLegacy: .idLegacy
        case .idGenderMismatch: .idGenderMismatch
        case .valueExcelMangled: .valueExcelMangled
        case .nameInvalid: .nameInvalid
        case .studentNumberMismatch: .studentNumberMismatch
        case .ageOutOfRange: .ageOutOfRange
        case .duplicateIDInFile: .duplicateIDInFile
        case .duplicateIDAcrossFiles: .duplicateIDAcrossFiles
        case .duplicatePerson: .duplicatePerson
        case .cardFormat: .cardFormat
        case .cardLuhn: .cardLuhn
        case .cardBankMismatch: .cardBankMismatch
        case .cardHolderMismatch: .cardHolderMismatch
        case .cardShared: .cardShared
        case .documentMissing: .documentMissing
        case .amountInvalid: .amountInvalid
        case .amountNotStandard: .amountNotStandard
        case .amountLevelMismatch: .amountLevelMismatch
        case .phoneShared: .phoneShared
        case .categoryUnknown: .categoryUnknown
        case .levelUnknown: .levelUnknown
        }
    }

    /// Amount cells that are not amounts: Chinese numerals, a third decimal, a sign, letters, words.
    static let invalidAmounts = ["壹仟伍佰", "1150.005", "-800", "8OO", "一千一百五十", "1500元整", "800..00", "待定"]
    /// Well-formed amounts that are on no tier: a whole year (2300, 3000, 1600), half a tier, round guesses.
    static let offTierAmounts = ["1000", "1200", "900", "2300", "3000", "1600", "575", "750.50", "1300"]
    /// 困难类型 cells of no category: a family situation, a placeholder, a local word.
    static let unknownCategories = ["单亲家庭", "父母离异", "家庭困难", "见附件", "待定", "大病", "农村户口"]
    /// 困难等级 cells of no tier: a fourth band, a grade of the wrong scale, a placeholder.
    static let unknownLevels = ["较困难", "四档", "D档", "非常困难", "一级", "待定", "贫困"]
    /// Names a validator must reject: digits, Latin letters, stray symbols.
    static let nameDefects: [@Sendable (String) -> String] = [
        { $0 + "2" }, { "*" + $0 }, { $0 + "?" },
        { _ in "Zhang Wei" }, { _ in "wangfang" }, { $0 + "#" }, { "1" + $0 },
    ]
}
