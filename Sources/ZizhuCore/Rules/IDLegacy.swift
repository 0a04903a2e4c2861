/// `id-legacy`: a 15-digit number of 1989. The message gives the 18-digit number it converts to (`19`
/// inserted after the region, the check character computed); the other identity rules check that number.
struct IDLegacy: RowRule {
    func check(_ row: RowContext, into findings: inout [Finding]) {
        guard case .legacy(let fifteen, let converted)? = row.facts.idParsed else { return }
        findings.emit(Finding(.idLegacy, for: row.applicant, field: .idNumber, value: fifteen,
                              arguments: ["converted": converted.text]))
    }
}
