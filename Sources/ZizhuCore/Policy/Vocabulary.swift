/// How a 困难类型 or 困难等级 cell is compared with the policy's words: the cleaning the importer gives every
/// cell (full-width letters and digits to ASCII, blanks and zero-width characters dropped) plus what class
/// teachers add around the official word: spaces inside it, lowercase letters, a trailing 学生 (脱贫家庭学生).
public enum Vocabulary {
    /// The comparison key of a word or a cell: `ａ档` → `A档`, `脱贫家庭 学生` → `脱贫家庭`.
    public static func key(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200D, 0x2028, 0x2029, 0x202F, 0x205F, 0x2060,
                 0x3000, 0xFEFF:
                continue
            case 0xFF01...0xFF5E:
                scalars.append(Unicode.Scalar(scalar.value - 0xFEE0)!)
            default:
                scalars.append(scalar)
            }
        }
        var key = String(scalars).uppercased()
        if key.hasSuffix("学生") && key.count > 2 { key.removeLast(2) }
        return key
    }
}
