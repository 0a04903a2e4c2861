/// `id-checksum`: the 18th character is not the ISO 7064 MOD 11-2 check of the first 17 digits (GB 11643).
struct IDChecksum: RowRule {
    func check(_ row: RowContext, into findings: inout [Finding]) {
        guard case .standard(let id)? = row.facts.idParsed, !id.isChecksumValid else { return }
        findings.emit(Finding(.idChecksum, for: row.applicant, field: .idNumber, value: row.applicant.value(.idNumber),
                              arguments: ["expected": String(id.expectedCheckCharacter),
                                          "actual": String(id.checkCharacter)]))
    }
}
