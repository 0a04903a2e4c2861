/// Masks identifiers in text meant for screens and logs: `370112201005121234` → `3701**********1234`.
/// Any run of 11 or more digits (an `X` check character included) is personal data here: phone numbers
/// (11), ID numbers (15, 18), 学籍号 and bank cards (16–19). Amounts and line numbers are far shorter.
public enum Masking {
    public static let minimumRun = 11

    public static func maskIdentifiers(in text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        var run: [Character] = []
        func flush() {
            if run.count >= minimumRun {
                out += mask(String(run))
            } else {
                out += String(run)
            }
            run.removeAll(keepingCapacity: true)
        }
        for ch in text {
            if ch.isASCIIDigit || ((ch == "X" || ch == "x") && !run.isEmpty) {
                run.append(ch)
            } else {
                flush()
                out.append(ch)
            }
        }
        flush()
        return out
    }

    /// Keeps the first 4 and last 4 characters of a long identifier (3 and 4 of a phone number).
    public static func mask(_ identifier: String) -> String {
        let chars = Array(identifier)
        let keepHead = chars.count <= 11 ? 3 : 4
        let keepTail = 4
        guard chars.count > keepHead + keepTail else { return identifier }
        return String(chars.prefix(keepHead)) + String(repeating: "*", count: chars.count - keepHead - keepTail)
            + String(chars.suffix(keepTail))
    }
}
