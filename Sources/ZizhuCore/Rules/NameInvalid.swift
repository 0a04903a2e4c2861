/// `name-invalid`: the name is empty, or holds digits, Latin letters or symbols. Han characters of every
/// CJK block are fine, and so is the middle dot between the parts of a minority name (阿依古丽·买买提) and
/// the spaces Excel users type to align two-character names.
struct NameInvalid: RowRule {
    func check(_ row: RowContext, into findings: inout [Finding]) {
        guard let name = row[.name] else { return }
        guard let problem = NameInvalid.problem(in: name) else { return }
        findings.emit(Finding(.nameInvalid, for: row.applicant, field: .name, value: name,
                              arguments: RuleText.name(problem, value: name)))
    }

    static func problem(in name: String) -> RuleText.NameProblem? {
        var hanCount = 0
        var lastWasDot = true  // a dot may not come first
        var sawDigit = false
        var sawLatin = false
        var symbol: String?
        var misplacedDot = false
        for scalar in name.unicodeScalars {
            let v = scalar.value
            if isHan(v) {
                hanCount += 1
                lastWasDot = false
            } else if isMiddleDot(v) {
                if lastWasDot { misplacedDot = true }
                lastWasDot = true
            } else if v == 0x20 || v == 0x3000 || v == 0xA0 {
                continue
            } else if (0x30...0x39).contains(v) || (0xFF10...0xFF19).contains(v) {
                sawDigit = true
            } else if (0x41...0x5A).contains(v) || (0x61...0x7A).contains(v) || (0xFF21...0xFF3A).contains(v)
                        || (0xFF41...0xFF5A).contains(v) {
                sawLatin = true
            } else if symbol == nil {
                symbol = String(scalar)
            }
        }
        if hanCount == 0 && !sawDigit && !sawLatin && symbol == nil && !misplacedDot {
            return name.unicodeScalars.contains(where: { isMiddleDot($0.value) }) ? .dot : .empty
        }
        if sawDigit { return .digit }
        if sawLatin { return .latin }
        if let symbol { return .symbol(symbol) }
        if misplacedDot || lastWasDot { return .dot }
        return nil
    }

    static func isHan(_ v: UInt32) -> Bool {
        (0x4E00...0x9FFF).contains(v) || (0x3400...0x4DBF).contains(v) || (0x20000...0x323AF).contains(v)
            || (0xF900...0xFAFF).contains(v) || v == 0x3007
    }

    /// `·` and the dots people type for it: `•` `・` `‧` `･`.
    static func isMiddleDot(_ v: UInt32) -> Bool {
        v == 0xB7 || v == 0x2022 || v == 0x30FB || v == 0x2027 || v == 0xFF65 || v == 0x2219
    }
}
