/// A 公民身份号码 (GB 11643-1999) of the right shape: 17 digits and a check character. Held as two numbers
/// so that a million of them hash fast and cost no heap; `text` gives the 18 characters back.
///
/// Being well-formed says nothing about the checksum, the date or the region: ask `isChecksumValid`,
/// `birthDate` and `isProvinceKnown`.
public struct ResidentID: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The first 17 digits as one number (below 10^17).
    public let body: UInt64
    /// The check character as a value 0…10, where 10 is `X`.
    public let check: UInt8

    public init(body: UInt64, check: UInt8) {
        self.body = body
        self.check = check
    }

    /// A well-formed 18-character number (17 digits, then a digit or `X`/`x`), or nil.
    public init?(_ text: some StringProtocol) {
        guard case .standard(let id) = ResidentID.parse(String(text)) else { return nil }
        self = id
    }

    // MARK: Parsing

    /// What a cell holds.
    public enum Parsed: Hashable, Sendable {
        /// 18 characters of the right shape.
        case standard(ResidentID)
        /// A 15-digit number of 1989, with the 18-digit number it converts to.
        case legacy(fifteen: String, converted: ResidentID)
        case malformed(FormatProblem)

        /// The standard number, or the conversion of a legacy one.
        public var id: ResidentID? {
            switch self {
            case .standard(let id), .legacy(_, let id): id
            case .malformed: nil
            }
        }
    }

    public enum FormatProblem: Hashable, Sendable {
        case empty
        /// Neither 18 nor 15 characters.
        case length(Int)
        /// A character that has no place in an ID number (the first one found).
        case character(String)
        /// `X` anywhere but at the end.
        case misplacedX
    }

    /// Parses a cell. Tolerates a lowercase `x`; everything else must already be clean.
    public static func parse(_ text: some StringProtocol) -> Parsed {
        let (body, check, sawX, xNotLast, badByte) = text.withUTF8Bytes(scan)
        if badByte {
            let bad = text.first { !($0.isASCIIDigit || $0 == "X" || $0 == "x") }
            return .malformed(.character(bad.map(String.init) ?? "?"))
        }
        let length = text.utf8.count
        if length == 0 { return .malformed(.empty) }
        if length == 18 {
            if xNotLast { return .malformed(.misplacedX) }
            guard let check else { return .malformed(.misplacedX) }
            return .standard(ResidentID(body: body, check: check))
        }
        if length == 15 {
            if sawX { return .malformed(.misplacedX) }
            // region (6) + YYMMDD + sequence (3) → region + 19 + YYMMDD + sequence.
            let region = body / 1_000_000_000
            let rest = body % 1_000_000_000
            let newBody = region * 100_000_000_000 + 19 * 1_000_000_000 + rest
            let converted = ResidentID(body: newBody, check: ResidentID.checkValue(forBody: newBody))
            return .legacy(fifteen: String(text), converted: converted)
        }
        return .malformed(.length(text.count))
    }

    /// One pass over the bytes of a cell: the digits as a number, the check value, and what is out of place.
    private static func scan(_ bytes: UnsafeBufferPointer<UInt8>)
        -> (body: UInt64, check: UInt8?, sawX: Bool, xNotLast: Bool, badByte: Bool)
    {
        // The usual cell: 17 digits and a digit or X. Two words of digits tested at once, then summed.
        if bytes.count == 18, let base = bytes.baseAddress,
           ByteScan.isDigits(ByteScan.load(base, 0)), ByteScan.isDigits(ByteScan.load(base, 8)),
           base[16] >= 48 && base[16] <= 57 {
            var body: UInt64 = 0
            for index in 0..<17 { body = body &* 10 &+ UInt64(base[index] &- 48) }
            let last = base[17]
            if last >= 48 && last <= 57 { return (body, last - 48, false, false, false) }
            if last == 88 || last == 120 { return (body, 10, true, false, false) }
        }
        var body: UInt64 = 0
        var check: UInt8? = nil
        var sawX = false
        var xNotLast = false
        for (offset, byte) in bytes.enumerated() {
            let count = offset + 1
            if byte >= 48 && byte <= 57 {
                if sawX { xNotLast = true }
                if count <= 17 {
                    body = body &* 10 &+ UInt64(byte - 48)
                } else if count == 18 {
                    check = byte - 48
                }
            } else if byte == 88 || byte == 120 {  // X, x
                if sawX { xNotLast = true }
                sawX = true
                if count == 18 { check = 10 } else { xNotLast = true }
            } else {
                return (body, check, sawX, xNotLast, true)
            }
        }
        return (body, check, sawX, xNotLast, false)
    }

    // MARK: The check character (ISO 7064 MOD 11-2)

    static let weights: [UInt64] = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]

    /// The check value (0…10, 10 = X) the first 17 digits call for.
    public static func checkValue(forBody body: UInt64) -> UInt8 {
        var rest = body
        var sum: UInt64 = 0
        var position = 16
        while position >= 0 {
            sum += (rest % 10) * weights[position]
            rest /= 10
            position -= 1
        }
        return UInt8((12 - sum % 11) % 11)
    }

    /// The check character for 17 digits, or nil when the text is not 17 ASCII digits.
    public static func checkCharacter(forFirst17 digits: some StringProtocol) -> Character? {
        guard digits.utf8.count == 17, digits.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }) else { return nil }
        let body = digits.utf8.reduce(UInt64(0)) { $0 * 10 + UInt64($1 - 48) }
        return character(forCheckValue: checkValue(forBody: body))
    }

    public static func character(forCheckValue value: UInt8) -> Character {
        value == 10 ? "X" : Character(String(value))
    }

    /// The legacy 15-digit number converted to 18 digits, or nil when it is not 15 digits.
    public static func convertLegacy(_ fifteen: String) -> ResidentID? {
        guard case .legacy(_, let converted) = parse(fifteen) else { return nil }
        return converted
    }

    public var checkCharacter: Character { ResidentID.character(forCheckValue: check) }
    public var expectedCheckCharacter: Character {
        ResidentID.character(forCheckValue: ResidentID.checkValue(forBody: body))
    }
    public var isChecksumValid: Bool { check == ResidentID.checkValue(forBody: body) }

    // MARK: Parts

    /// The six-digit 行政区划代码 (address code).
    public var regionCode: Int { Int(body / 100_000_000_000) }
    /// The first two digits: the province.
    public var provinceCode: Int { Int(body / 1_000_000_000_000_000) }
    /// The province codes of GB/T 2260 in use: 11–15, 21–23, 31–37, 41–46, 50–54, 61–65, 71, 81–83.
    public static let provinceCodes: Set<Int> = Set(
        Array(11...15) + Array(21...23) + Array(31...37) + Array(41...46) + Array(50...54) + Array(61...65)
            + [71, 81, 82, 83])
    public var isProvinceKnown: Bool { ResidentID.provinceCodes.contains(provinceCode) }

    /// The eight birth-date digits as a number, YYYYMMDD (whether or not it is a real date).
    public var birthDateNumber: Int { Int(body / 1_000 % 100_000_000) }
    /// `2010-02-30`: the birth-date digits as written, real date or not.
    public var birthDateText: String {
        let n = birthDateNumber
        return CivilDate.format(year: n / 10_000, month: n / 100 % 100, day: n % 100)
    }
    /// The birth date, nil when the digits are not a real date.
    public var birthDate: CivilDate? {
        let n = birthDateNumber
        guard n / 10_000 >= 1800 else { return nil }
        return CivilDate(year: n / 10_000, month: n / 100 % 100, day: n % 100)
    }

    /// The three-digit 顺序码; odd for men, even for women.
    public var sequence: Int { Int(body % 1_000) }
    public var gender: Gender { body % 2 == 1 ? .male : .female }

    public enum Gender: String, Sendable, Hashable {
        case male, female
        public var chinese: String { self == .male ? "男" : "女" }

        /// 男/女, 男性/女性, M/F, male/female; nil for anything else.
        public init?(text: String) {
            let trimmed = text.trimmedForRules
            if trimmed.sameBytes("男") {
                self = .male
                return
            }
            if trimmed.sameBytes("女") {
                self = .female
                return
            }
            switch trimmed.lowercased() {
            case "男", "男性", "m", "male", "男生": self = .male
            case "女", "女性", "f", "female", "女生": self = .female
            default: return nil
            }
        }
    }

    // MARK: Text

    /// The 18 characters.
    public var text: String {
        let digits = String(body)
        let padded = digits.count < 17 ? String(repeating: "0", count: 17 - digits.count) + digits : digits
        return padded + String(checkCharacter)
    }

    public var description: String { text }

    public static func < (a: ResidentID, b: ResidentID) -> Bool {
        (a.body, a.check) < (b.body, b.check)
    }
}
