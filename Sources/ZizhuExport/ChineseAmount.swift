import ZizhuCore

/// 人民币大写 as 《支付结算办法》 writes it (DOMAIN.md, "Amount in words").
///
/// The rules, and the one choice made where the rules allow two forms:
/// - `人民币` first; digits 零壹贰叁肆伍陆柒捌玖, units 拾佰仟 within a group of four, 万 亿 between groups,
///   then 元 角 分; `壹拾` keeps its 壹.
/// - A run of zeros inside the number is one 零; zeros at the end of a group are not written.
/// - When a group is non-zero but starts with 0 (壹拾万零壹拾), or a whole group is 0 between non-zero
///   groups (壹亿零壹仟), one 零 is written.
/// - Choice (the official first forms): where the 万 digit is 0 and the 仟 digit is not, no 零
///   (107000.53 → 壹拾万柒仟元…); where the 元 digit is 0 and the 角 digit is not, 零 after 元
///   (1680.32 → …捌拾元零叁角贰分).
/// - 零 after 元 when 角 is 0 and 分 is not; 整 after 元 or 角 when nothing follows.
/// - Under one yuan no 元 is written (0.50 → 人民币伍角整, 0.05 → 人民币伍分); 0 is 人民币零元整.
public enum ChineseAmount {
    static let digits: [Character] = ["零", "壹", "贰", "叁", "肆", "伍", "陆", "柒", "捌", "玖"]
    static let placeUnits = ["", "拾", "佰", "仟"]

    public static func words(_ money: Money) -> String {
        let negative = money.fen < 0
        let fen = money.fen.magnitude
        let yuan = fen / 100
        let jiao = Int(fen / 10 % 10)
        let cent = Int(fen % 10)
        var out = negative ? "人民币负" : "人民币"

        if yuan == 0 {
            if jiao == 0 && cent == 0 { return out + "零元整" }
            if jiao != 0 { out += "\(digits[jiao])角" }
            out += cent == 0 ? "整" : "\(digits[cent])分"
            return out
        }

        out += integerWords(yuan) + "元"
        if jiao == 0 && cent == 0 { return out + "整" }
        if jiao == 0 { return out + "零\(digits[cent])分" }
        if yuan % 10 == 0 { out += "零" }
        out += "\(digits[jiao])角"
        out += cent == 0 ? "整" : "\(digits[cent])分"
        return out
    }

    /// The integer part (> 0). Above 亿 the part before 亿 is written the same way (so 亿亿 reads
    /// 壹万贰仟…亿), and the lower eight digits follow with one 零 when they start with zeros.
    static func integerWords(_ value: UInt64) -> String {
        let hundredMillion: UInt64 = 100_000_000
        guard value >= hundredMillion else { return belowHundredMillion(value) }
        let high = value / hundredMillion
        let low = value % hundredMillion
        var out = integerWords(high) + "亿"
        if low == 0 { return out }
        if low < 10_000_000 { out.append("零") }
        return out + belowHundredMillion(low)
    }

    /// 1 … 99,999,999: the 万 group, then the units group.
    static func belowHundredMillion(_ value: UInt64) -> String {
        let groups = [Int(value / 10_000), Int(value % 10_000)]
        var out = ""
        var started = false
        var pendingZero = false
        for (index, group) in groups.enumerated() {
            if group == 0 {
                if started { pendingZero = true }
                continue
            }
            if started && group < 1000 { pendingZero = true }
            var divisor = 1000
            for place in stride(from: 3, through: 0, by: -1) {
                let digit = group / divisor % 10
                divisor /= 10
                if digit == 0 {
                    if started { pendingZero = true }
                    continue
                }
                if pendingZero { out.append("零") }
                pendingZero = false
                out.append(digits[digit])
                out += placeUnits[place]
                started = true
            }
            if index == 0 { out += "万" }
            // Zeros that end a group are not written (壹拾万柒仟, not 壹拾万零柒仟).
            pendingZero = false
        }
        return out
    }
}
