/// How wide text looks in a spreadsheet column: East Asian wide and full-width characters (汉字, ，, １)
/// take about two columns of the default font, everything else one. Used to size columns.
public enum DisplayWidth {
    /// The width of the widest line of `text`.
    public static func of(_ text: String) -> Int {
        var widest = 0
        var current = 0
        for scalar in text.unicodeScalars {
            if scalar == "\n" {
                widest = max(widest, current)
                current = 0
            } else {
                current += isWide(scalar) ? 2 : 1
            }
        }
        return max(widest, current)
    }

    /// East Asian Wide or Fullwidth (the blocks that matter for Chinese forms).
    public static func isWide(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
             0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
             0xFFE0...0xFFE6, 0x20000...0x2FFFD, 0x30000...0x3FFFD:
            true
        default:
            false
        }
    }

    /// A column width (in Excel's character units) that fits the widest of `samples`, with a little padding,
    /// kept between `minimum` and `maximum` so one long remark cannot make a column absurd.
    public static func columnWidth<S: Sequence>(fitting samples: S, minimum: Double = 4, maximum: Double = 60)
        -> Double where S.Element == String
    {
        var widest = 0
        for sample in samples { widest = max(widest, of(sample)) }
        return min(maximum, max(minimum, Double(widest) + 2))
    }
}
