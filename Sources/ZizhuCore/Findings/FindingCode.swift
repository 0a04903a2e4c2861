/// The stable finding codes of DESIGN.md. Other tools rely on the raw values: extend, never rename.
public enum FindingCode: String, Sendable, Codable, CaseIterable {
    // Import
    case encodingUnreadable = "encoding-unreadable"
    case encodingGuessed = "encoding-guessed"
    case headerNotFound = "header-not-found"
    case columnMissing = "column-missing"
    case rowShape = "row-shape"
    case valueNormalized = "value-normalized"
    case valueExcelMangled = "value-excel-mangled"
    // Identity
    case idFormat = "id-format"
    case idChecksum = "id-checksum"
    case idBirthdate = "id-birthdate"
    case idRegion = "id-region"
    case idGenderMismatch = "id-gender-mismatch"
    case idLegacy = "id-legacy"
    case nameInvalid = "name-invalid"
    case studentNumberMismatch = "student-number-mismatch"
    case studentNumberTemporary = "student-number-temporary"
    case ageOutOfRange = "age-out-of-range"
    // Duplicates
    case duplicateIDInFile = "duplicate-id-in-file"
    case duplicateIDAcrossFiles = "duplicate-id-across-files"
    case duplicatePerson = "duplicate-person"
    // Bank
    case cardFormat = "card-format"
    case cardLuhn = "card-luhn"
    case cardBankMismatch = "card-bank-mismatch"
    case cardHolderMismatch = "card-holder-mismatch"
    case cardShared = "card-shared"
    /// The bank upload template cannot carry a value of the row (a character its encoding lacks, the
    /// delimiter, a line break, or more bytes than a fixed-width field holds).
    case bankValueUnwritable = "bank-value-unwritable"
    // Documents
    case documentMissing = "document-missing"
    // Money and patterns
    case amountInvalid = "amount-invalid"
    case amountNotStandard = "amount-not-standard"
    case amountLevelMismatch = "amount-level-mismatch"
    case amountUniform = "amount-uniform"
    case quotaExceeded = "quota-exceeded"
    case olderAgeRatio = "older-age-ratio"
    case phoneShared = "phone-shared"
    // Archive
    case repeatAid = "repeat-aid"
    case enrolledElsewhere = "enrolled-elsewhere"
    // Enrolment and evidence lists
    case notEnrolled = "not-enrolled"
    case enrolmentMismatch = "enrolment-mismatch"
    case categoryUnverified = "category-unverified"
    case categoryVerified = "category-verified"
    // Import, added later: new cases go last, so code built against the earlier list keeps its meaning.
    /// A header and nothing under it: the blank template sent back, or a sheet whose rows were never typed.
    case noDataRows = "no-data-rows"
    // Vocabulary: a 困难类型 or 困难等级 the policy does not know leaves the row without a proof or a tier.
    case categoryUnknown = "category-unknown"
    case levelUnknown = "level-unknown"
    // The district: the ID in another school's round of the same term, submitted to the district (双学籍).
    case duplicateIDAcrossSchools = "duplicate-id-across-schools"

    public var defaultSeverity: Severity {
        switch self {
        case .encodingUnreadable, .headerNotFound, .noDataRows, .columnMissing, .rowShape, .valueExcelMangled,
             .idFormat, .idChecksum, .idBirthdate, .idRegion, .studentNumberMismatch,
             .duplicateIDInFile, .duplicateIDAcrossFiles, .cardFormat, .cardShared, .bankValueUnwritable, .documentMissing,
             .amountInvalid, .amountNotStandard, .nameInvalid, .repeatAid, .notEnrolled, .categoryUnknown, .levelUnknown,
             .duplicateIDAcrossSchools:
            .error
        case .encodingGuessed, .idGenderMismatch, .idLegacy, .studentNumberTemporary, .duplicatePerson,
             .cardLuhn, .cardBankMismatch, .cardHolderMismatch, .amountLevelMismatch, .amountUniform,
             .ageOutOfRange, .olderAgeRatio, .quotaExceeded, .phoneShared, .enrolledElsewhere,
             .enrolmentMismatch, .categoryUnverified:
            .warning
        case .valueNormalized, .categoryVerified:
            .info
        }
    }
}
