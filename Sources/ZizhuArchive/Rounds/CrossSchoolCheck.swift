import Foundation
import ZizhuCore

/// The district's checks of one school's round against every other school, run when the round is submitted and
/// again whenever a reviewer or the school looks at it (another school may have submitted since):
/// - `duplicate-id-across-schools` (error): the ID is in another school's standing round of this term (双学籍);
///   the message names the schools, nothing of their pupils.
/// - `card-shared` (error): the card is in another school's standing round of this term for another student.
/// - `repeat-aid` (error): the archive holds a payment of this program, term and year to the ID, other than
///   this round's own once it is paid.
///
/// Lookups are batched by key, so their cost follows the round, not the district.
public struct CrossSchoolCheck: Sendable {
    public let store: any RoundStore
    public let archive: (any ArchiveStore)?

    public init(store: any RoundStore, archive: (any ArchiveStore)?) {
        self.store = store
        self.archive = archive
    }

    /// The findings about `round`'s accepted rows, in row order.
    public func findings(for round: StoredRound) throws(ArchiveError) -> [Finding] {
        let rows = try store.rows(of: round.id)
        guard !rows.isEmpty else { return [] }
        let ids = ArchiveCheck.distinct(rows.map(\.idNumber))
        let byID = Dictionary(grouping: try store.standingRows(sharingIDs: ids, term: round.term, year: round.year,
                                                               otherThan: round.schoolCode), by: \.idNumber)
        let holders = ArchiveCheck.holders(rows.map(\.card), rows.map(\.idNumber))
        let byCard = Dictionary(grouping: try store.standingRows(sharingCards: holders, term: round.term,
                                                                 year: round.year, otherThan: round.schoolCode),
                                by: \.card)
        let paid = try archive.map { archive throws(ArchiveError) in
            Dictionary(grouping: try archive.payments(toIDNumbers: ids, term: round.term, year: round.year)
                .filter { $0.program == round.program && $0.batchID != round.archiveBatch }, by: \.idNumber)
        } ?? [:]

        var findings: [Finding] = []
        for row in rows {
            let location = SourceLocation(file: row.sourceFile, line: row.sourceLine)
            if !row.idNumber.isEmpty, let others = byID[row.idNumber] {
                findings.append(Finding(.duplicateIDAcrossSchools, at: location, row: row.position,
                                        field: Field.idNumber.header, value: row.idNumber,
                                        arguments: ["school": Self.schools(others)]))
            }
            if !row.card.isEmpty, let others = byCard[row.card]?.filter({ $0.idNumber != row.idNumber }),
               !others.isEmpty {
                let students = Set(others.map(\.idNumber)).count + 1
                let schools = Self.schools(others)
                findings.append(Finding(.cardShared, at: location, row: row.position, field: Field.card.header,
                                        value: row.card,
                                        arguments: ["count": String(students), "places": "\(schools)报送区里的名单",
                                                    "placesEn": "rounds sent to the district by \(schools)"]))
            }
            if !row.idNumber.isEmpty, let first = paid[row.idNumber]?.min(by: ArchiveCheck.earlier) {
                findings.append(Finding(.repeatAid, at: location, row: row.position, field: Field.idNumber.header,
                                        value: row.idNumber, arguments: ArchiveCheck.repeatAidArguments(first)))
            }
        }
        return findings
    }

    /// The other schools' names, each once, in the order met.
    private static func schools(_ rows: [OtherSchoolRow]) -> String {
        var names: [String] = []
        for row in rows where !names.contains(row.schoolName) { names.append(row.schoolName) }
        return names.joined(separator: "、")
    }
}
