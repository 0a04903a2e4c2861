/// `id-region`: the first two digits are not a province of GB/T 2260 (11–15, 21–23, 31–37, 41–46, 50–54,
/// 61–65, 71, 81–83).
struct IDRegion: RowRule {
    func check(_ row: RowContext, into findings: inout [Finding]) {
        guard let id = row.facts.id, !id.isProvinceKnown else { return }
        let code = id.provinceCode
        findings.emit(Finding(.idRegion, for: row.applicant, field: .idNumber, value: row.applicant.value(.idNumber),
                              arguments: ["province": code < 10 ? "0\(code)" : String(code)]))
    }
}
