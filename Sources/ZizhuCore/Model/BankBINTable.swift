import Foundation

/// The BIN table: which bank issued a card, by the longest matching prefix of its number, and which bank
/// the free text of an 开户行 cell names. The table is data (`Resources/bank-bins.tsv`), not code; this
/// file is the only place in ZizhuCore that reads a resource.
public struct BankBINTable: Sendable {
    public struct Bank: Hashable, Sendable {
        /// The bank's name as messages show it: 中国农业银行.
        public let name: String
        /// Banks of one family are never a mismatch with each other (every 农信社 and 农商行 is 农信).
        public let family: String
        /// How an 开户行 cell may name the bank: 农业银行, 农行, ABC …
        public let keywords: [String]
    }

    public private(set) var banks: [Bank] = []
    /// Prefix (as a packed number and length) → index into `banks`.
    private var prefixes: [UInt64: Int] = [:]
    private var shortestPrefix = Int.max
    private var longestPrefix = 0
    /// Keyword → index into `banks`, longest keyword first.
    private var keywords: [(keyword: String, bank: Int)] = []
    /// Lines of the data that could not be read (a test keeps this empty for the shipped table).
    public private(set) var problems: [String] = []

    /// Reads the tab-separated table: `bank<TAB>name<TAB>family<TAB>kw1|kw2` and `bin<TAB>prefix<TAB>name`.
    public init(tsv: String) {
        var bankIndex: [String: Int] = [:]
        var binLines: [(prefix: String, bank: String, line: Int)] = []
        var lineNumber = 0
        for rawLine in tsv.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            let line = rawLine.hasSuffix("\r") ? rawLine.dropLast() : rawLine
            if line.isEmpty || line.hasPrefix("#") { continue }
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            switch fields.first {
            case "bank" where fields.count >= 4 && !fields[1].isEmpty:
                let name = fields[1]
                let family = fields[2].isEmpty ? name : fields[2]
                let words = fields[3].split(separator: "|").map { String($0).uppercased() }
                bankIndex[name] = banks.count
                banks.append(Bank(name: name, family: family, keywords: words))
            case "bin" where fields.count >= 3:
                binLines.append((fields[1], fields[2], lineNumber))
            default:
                problems.append("第 \(lineNumber) 行无法识别：\(line)")
            }
        }
        for entry in binLines {
            guard let bank = bankIndex[entry.bank] else {
                problems.append("第 \(entry.line) 行：银行“\(entry.bank)”没有 bank 行")
                continue
            }
            guard let key = BankBINTable.packedPrefix(entry.prefix.utf8) else {
                problems.append("第 \(entry.line) 行：前缀“\(entry.prefix)”不是 1–12 位数字")
                continue
            }
            if let existing = prefixes[key], existing != bank {
                problems.append("第 \(entry.line) 行：前缀 \(entry.prefix) 重复")
            }
            prefixes[key] = bank
            shortestPrefix = min(shortestPrefix, entry.prefix.utf8.count)
            longestPrefix = max(longestPrefix, entry.prefix.utf8.count)
        }
        for (index, bank) in banks.enumerated() {
            for word in bank.keywords { keywords.append((word, index)) }
        }
        keywords.sort { $0.keyword.count > $1.keyword.count }
    }

    /// The table shipped with zizhu. If the resource cannot be read the table is empty and `problems` says
    /// why: the bank check then finds nothing, it never stops a round.
    public static let shared: BankBINTable = {
        guard let url = Bundle.module.url(forResource: "bank-bins", withExtension: "tsv") else {
            var table = BankBINTable(tsv: "")
            table.problems.append("bank-bins.tsv 不在资源中")
            return table
        }
        do {
            return BankBINTable(tsv: try String(contentsOf: url, encoding: .utf8))
        } catch {
            var table = BankBINTable(tsv: "")
            table.problems.append("bank-bins.tsv 无法读取：\(error)")
            return table
        }
    }()

    /// The prefix as a number with its length in the low 4 bits, so that `0622` and `622` stay apart.
    private static func packedPrefix(_ digits: some Collection<UInt8>) -> UInt64? {
        guard (1...12).contains(digits.count) else { return nil }
        var value: UInt64 = 0
        for byte in digits {
            guard byte >= 48 && byte <= 57 else { return nil }
            value = value * 10 + UInt64(byte - 48)
        }
        return value << 4 | UInt64(digits.count)
    }

    /// The issuing bank of a card number (digits), by its longest known prefix; nil when no prefix is known.
    public func lookup(_ cardDigits: some StringProtocol) -> (prefix: String, bank: Bank)? {
        guard !prefixes.isEmpty else { return nil }
        var packed: [UInt64] = []
        packed.reserveCapacity(longestPrefix)
        var value: UInt64 = 0
        for byte in cardDigits.utf8.prefix(longestPrefix) {
            guard byte >= 48 && byte <= 57 else { break }
            value = value * 10 + UInt64(byte - 48)
            packed.append(value << 4 | UInt64(packed.count + 1))
        }
        var length = packed.count
        while length >= shortestPrefix && length >= 1 {
            if let bank = prefixes[packed[length - 1]] {
                return (String(cardDigits.prefix(length)), banks[bank])
            }
            length -= 1
        }
        return nil
    }

    /// The bank an 开户行 cell names (中国农业银行XX支行, 农行, 县农商行, 信用社 …), by its longest keyword;
    /// nil when the text names no bank the table knows.
    public func bank(namedIn text: String) -> Bank? {
        let upper = text.uppercased()
        guard !upper.isEmpty else { return nil }
        for entry in keywords where upper.contains(entry.keyword) {
            return banks[entry.bank]
        }
        return nil
    }

    /// Prefixes of one bank, for test data and synthetic rosters.
    public func prefixes(of bankName: String) -> [String] {
        guard let index = banks.firstIndex(where: { $0.name == bankName }) else { return [] }
        return prefixes.compactMap { key, bank -> String? in
            guard bank == index else { return nil }
            let length = Int(key & 0xF)
            let digits = String(key >> 4)
            return String(repeating: "0", count: max(0, length - digits.count)) + digits
        }.sorted()
    }
}
