/// Comparable forms of names, grades and classes, so `高一(2)班`, `高一2班` and `2班` in grade 高一 agree.
public enum CrossCheckText {
    /// A name without spaces (full-width included) or middle dots.
    public static func nameKey(_ name: String) -> String {
        var out = ""
        for scalar in name.unicodeScalars where !isIgnorable(scalar) && scalar != "·" && scalar != "•"
            && scalar != "\u{30FB}" && scalar != "." {
            out.unicodeScalars.append(scalar)
        }
        return out
    }

    /// A grade without spaces, brackets or a trailing 级; full-width digits folded.
    public static func gradeKey(_ grade: String) -> String {
        var key = fold(grade)
        while key.hasSuffix("级") || key.hasSuffix("年级") { key.removeLast() }
        return key
    }

    /// A class without its grade prefix (either side's grade), brackets, a trailing 班 and leading zeros.
    public static func classKey(_ className: String, grades: [String]) -> String {
        var key = fold(className)
        for grade in grades {
            let prefix = fold(grade)
            if !prefix.isEmpty, key.hasPrefix(prefix), key.count > prefix.count {
                key.removeFirst(prefix.count)
                break
            }
        }
        if key.hasPrefix("级"), key.count > 1 { key.removeFirst() }
        if key.hasSuffix("班"), key.count > 1 { key.removeLast() }
        while key.hasPrefix("0"), key.count > 1 { key.removeFirst() }
        return key
    }

    /// Do two grades agree? An empty one agrees with anything.
    public static func sameGrade(_ a: String, _ b: String) -> Bool {
        let x = gradeKey(a), y = gradeKey(b)
        return x.isEmpty || y.isEmpty || x == y
    }

    /// Do two classes agree, given both grades? An empty class agrees with anything.
    public static func sameClass(_ a: String, _ b: String, grades: [String]) -> Bool {
        let x = classKey(a, grades: grades), y = classKey(b, grades: grades)
        return x.isEmpty || y.isEmpty || x == y
    }

    private static func fold(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            if isIgnorable(scalar) { continue }
            switch scalar {
            case "(", ")", "（", "）", "[", "]", "【", "】", "-", "—", "_": continue
            default: break
            }
            let value = scalar.value
            if value >= 0xFF01 && value <= 0xFF5E, let folded = Unicode.Scalar(value - 0xFEE0) {
                out.unicodeScalars.append(folded)
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    private static func isIgnorable(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isWhitespace || scalar.value == 0xA0 || scalar.value == 0x3000
            || (scalar.value >= 0x200B && scalar.value <= 0x200D) || scalar.value == 0xFEFF
    }
}
