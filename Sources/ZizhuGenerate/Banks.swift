/// Card BINs of the banks where aid is usually paid, with the 开户行 text a teacher writes.
/// The prefixes are real UnionPay debit BINs (DOMAIN.md), so a BIN lookup names the same bank.
enum Banks {
    struct Bank {
        let bin: String
        let name: String
    }

    static let all: [Bank] = [
        Bank(bin: "622848", name: "中国农业银行"),
        Bank(bin: "622202", name: "中国工商银行"),
        Bank(bin: "622208", name: "中国工商银行"),
        Bank(bin: "621700", name: "中国建设银行"),
        Bank(bin: "622700", name: "中国建设银行"),
        Bank(bin: "621661", name: "中国银行"),
        Bank(bin: "621799", name: "中国邮政储蓄银行"),
    ]
    /// Rural families bank with 农行 and 邮储 more than with the others.
    static let weights = [34, 8, 7, 8, 7, 10, 26]

    static let names = ["中国农业银行", "中国工商银行", "中国建设银行", "中国银行", "中国邮政储蓄银行"]
}
