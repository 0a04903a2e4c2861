import Foundation
import Testing
import ZizhuCore
@testable import ZizhuGenerate

/// Reads a generated round back and checks, with an oracle independent of the generator, that every
/// answer points at a row that really has its problem, and that every other row has none.
@Suite struct ClassPlanterTests {
    struct Round {
        let folder: GeneratedFolder
        let rows: [GeneratedFolder.Row]
        let answers: [PlantedAnomaly]
        var plantedKeys: Set<String> { Set(answers.map { "\($0.file):\($0.line)" }) }
    }

    /// One round shared by the tests below (3,000 rows, a fifth of them planted).
    static let round: Result<Round, any Error> = Result {
        let directory = TemporaryFolder("zizhu-planter")
        let generated = try RosterGenerator.generate(GeneratorOptions(rows: 3000, seed: 2026, anomalyRate: 0.2),
                                                     into: directory.path)
        let folder = try GeneratedFolder(directory: directory.path)
        return Round(folder: folder, rows: folder.rows, answers: generated.answers)
    }

    @Test func everyKindIsPlanted() throws {
        let round = try Self.round.get()
        let codes = Set(round.answers.map(\.code))
        for kind in AnomalyKind.allCases {
            #expect(codes.contains(kind.code.rawValue), "no \(kind.code.rawValue) planted")
        }
    }

    @Test func answersStartADataRow() throws {
        let round = try Self.round.get()
        let starts = Set(round.rows.map { "\($0.file):\($0.line)" })
        for answer in round.answers {
            #expect(starts.contains("\(answer.file):\(answer.line)"), "\(answer) is not the start of a data row")
        }
    }

    @Test func answersHoldThePlantedProblem() throws {
        let round = try Self.round.get()
        let byKey = Dictionary(round.rows.map { ("\($0.file):\($0.line)", $0) }, uniquingKeysWith: { a, _ in a })
        let answersByCode = Dictionary(grouping: round.answers, by: \.code)
        for answer in round.answers {
            guard let row = byKey["\(answer.file):\(answer.line)"] else { continue }
            let partners = (answersByCode[answer.code] ?? []).compactMap { byKey["\($0.file):\($0.line)"] }
                .filter { !($0.file == row.file && $0.line == row.line) }
            #expect(Self.exhibits(answer.code, row: row, partners: partners), "\(answer): \(row.values)")
        }
    }

    @Test func cleanRowsPassEveryCheck() throws {
        let round = try Self.round.get()
        let planted = round.plantedKeys
        var seen: [String: [String: Int]] = ["id": [:], "card": [:], "phone": [:], "person": [:]]
        for row in round.rows {
            let id = Oracle.normalizedIdentifier(row["身份证号"])
            seen["id", default: [:]][id, default: 0] += 1
            seen["card", default: [:]][Oracle.normalizedIdentifier(row["银行卡号"]), default: 0] += 1
            seen["phone", default: [:]][Oracle.normalizedIdentifier(row["联系电话"]), default: 0] += 1
            seen["person", default: [:]][Oracle.normalizedName(row["姓名"]) + (Oracle.birth(of: id)?.compact ?? id), default: 0] += 1
        }
        var classAmounts: [String: Set<String>] = [:]
        for row in round.rows where !planted.contains("\(row.file):\(row.line)") {
            let id = Oracle.normalizedIdentifier(row["身份证号"])
            let card = Oracle.normalizedIdentifier(row["银行卡号"])
            let name = Oracle.normalizedName(row["姓名"])
            let context = "\(row.file):\(row.line)"
            #expect(Oracle.idValid(id), "\(context) id \(id)")
            #expect(Oracle.isMale(id) == (row["性别"] == "男"), "\(context) gender")
            if let birth = Oracle.birth(of: id) { #expect((15...18).contains(birth.age(on: Oracle.termStart)), "\(context) age") }
            #expect(Oracle.normalizedIdentifier(row["学籍号"]) == "G" + id, "\(context) 学籍号")
            #expect(Oracle.nameValid(name), "\(context) name \(name)")
            #expect(card.count == 19 && Identifiers.passesLuhn(card), "\(context) card \(card)")
            #expect(Oracle.bins[String(card.prefix(6))] == row["开户行"], "\(context) bank")
            let holder = Oracle.normalizedName(row["持卡人"])
            #expect(holder == name || holder == row["监护人"], "\(context) holder")
            for document in ["申请表", "户口本", "身份证复印件", "困难证明"] {
                #expect(Oracle.documentPresent(row[document]), "\(context) \(document)")
            }
            #expect(Oracle.categories.contains(row["困难类型"]), "\(context) category \(row["困难类型"])")
            let fen = Oracle.amount(row["资助金额"])
            #expect(fen != nil && fen == Oracle.tiers[row["困难等级"]], "\(context) amount \(row["资助金额"]) for \(row["困难等级"])")
            #expect(seen["id"]?[id] == 1, "\(context) id not unique")
            #expect(seen["card"]?[card] == 1, "\(context) card not unique")
            #expect(seen["phone"]?[Oracle.normalizedIdentifier(row["联系电话"])] == 1, "\(context) phone not unique")
            #expect(seen["person"]?[name + (Oracle.birth(of: id)?.compact ?? "")] == 1, "\(context) person not unique")
            classAmounts[row.file, default: []].insert(row["资助金额"])
        }
        // Some sheets write the national system's words (最低生活保障家庭 for 低保), which must pass as well.
        #expect(round.rows.contains { $0["困难类型"] == "最低生活保障家庭" })
        for (file, amounts) in classAmounts { #expect(amounts.count > 1, "\(file): one amount for the whole class") }
    }

    @Test func fewOlderStudentsPerSheet() throws {
        let round = try Self.round.get()
        for (file, rows) in Dictionary(grouping: round.rows, by: \.file) {
            let older = rows.filter { row in
                let id = Oracle.normalizedIdentifier(row["身份证号"])
                if id.count == 15 { return true }  // a parent's old number: born before 1985
                return (Oracle.birth(of: id)?.age(on: Oracle.termStart) ?? 0) > 20
            }
            #expect(Double(older.count) <= Double(rows.count) * 0.05, "\(file): \(older.count) of \(rows.count) 大龄")
        }
    }

    @Test func multiRowAnomaliesComeInGroups() throws {
        let round = try Self.round.get()
        let groups: [(String, Int)] = [("card-shared", 2), ("phone-shared", 3), ("duplicate-id-in-file", 2),
                                       ("duplicate-id-across-files", 2), ("duplicate-person", 2)]
        for (code, minimum) in groups {
            let count = round.answers.filter { $0.code == code }.count
            #expect(count >= minimum, "\(code): \(count) rows")
        }
        let acrossFiles = Set(round.answers.filter { $0.code == "duplicate-id-across-files" }.map(\.file))
        #expect(acrossFiles.count >= 2)
    }

    /// Whether `row` shows the problem `code` names (with the other rows answered for the same code).
    static func exhibits(_ code: String, row: GeneratedFolder.Row, partners: [GeneratedFolder.Row]) -> Bool {
        let id = Oracle.normalizedIdentifier(row["身份证号"])
        let card = Oracle.normalizedIdentifier(row["银行卡号"])
        let name = Oracle.normalizedName(row["姓名"])
        let wellFormed = id.count == 18 && id.prefix(17).allSatisfy { $0.isASCII && $0.isNumber }
        switch code {
        case "id-checksum":
            return wellFormed && !Oracle.checksumValid(id) && Oracle.provinceValid(id) && Oracle.birth(of: id) != nil
        case "id-birthdate":
            return wellFormed && Oracle.checksumValid(id) && Oracle.provinceValid(id) && Oracle.birth(of: id) == nil
        case "id-region":
            return wellFormed && Oracle.checksumValid(id) && !Oracle.provinceValid(id) && Oracle.birth(of: id) != nil
        case "id-format":
            return !wellFormed && id.count != 15 && !id.contains("E+")
        case "id-legacy":
            return id.count == 15 && id.allSatisfy(\.isNumber) && !row["学籍号"].hasPrefix("G")
        case "id-gender-mismatch":
            return Oracle.idValid(id) && Oracle.isMale(id) != (row["性别"] == "男")
        case "value-excel-mangled":
            return id.contains("E+17")
        case "name-invalid":
            return !Oracle.nameValid(name) && row["持卡人"] == row["监护人"]
        case "student-number-mismatch":
            return Oracle.idValid(id) && row["学籍号"].hasPrefix("G") && row["学籍号"] != "G" + id
        case "duplicate-id-in-file":
            return Oracle.idValid(id) && partners.contains { $0.file == row.file && Oracle.normalizedIdentifier($0["身份证号"]) == id }
        case "duplicate-id-across-files":
            return Oracle.idValid(id) && partners.contains { $0.file != row.file && Oracle.normalizedIdentifier($0["身份证号"]) == id }
        case "duplicate-person":
            return Oracle.idValid(id) && partners.contains { other in
                let otherID = Oracle.normalizedIdentifier(other["身份证号"])
                return Oracle.normalizedName(other["姓名"]) == name && otherID != id
                    && Oracle.birth(of: otherID) == Oracle.birth(of: id)
            }
        case "card-format":
            return !(card.allSatisfy(\.isNumber) && (16...19).contains(card.count))
        case "card-luhn":
            return card.count == 19 && !Identifiers.passesLuhn(card) && Oracle.bins[String(card.prefix(6))] == row["开户行"]
        case "card-bank-mismatch":
            return Identifiers.passesLuhn(card) && Oracle.bins[String(card.prefix(6))] != row["开户行"]
        case "card-holder-mismatch":
            let holder = Oracle.normalizedName(row["持卡人"])
            return holder != name && holder != row["监护人"]
        case "bank-value-unwritable":
            // GBK (the default bank template) has no 䶮 or 𬭚.
            return row["持卡人"].unicodeScalars.contains { $0 == "\u{4DAE}" || $0 == "\u{2CB5A}" }
        case "card-shared":
            return partners.contains { Oracle.normalizedIdentifier($0["银行卡号"]) == card && $0["姓名"] != row["姓名"] }
        case "document-missing":
            return ["申请表", "户口本", "身份证复印件", "困难证明"].contains { !Oracle.documentPresent(row[$0]) }
        case "amount-invalid":
            return Oracle.amount(row["资助金额"]) == nil
        case "amount-not-standard":
            guard let fen = Oracle.amount(row["资助金额"]) else { return false }
            return !Set(Oracle.tiers.values).contains(fen)
        case "amount-level-mismatch":
            guard let fen = Oracle.amount(row["资助金额"]) else { return false }
            return Set(Oracle.tiers.values).contains(fen) && Oracle.tiers[row["困难等级"]] != fen
        case "phone-shared":
            let phone = Oracle.normalizedIdentifier(row["联系电话"])
            let sharing = partners.filter { Oracle.normalizedIdentifier($0["联系电话"]) == phone }
            return sharing.count >= 2 && Set(sharing.map { $0["监护人"] } + [row["监护人"]]).count == sharing.count + 1
                && Set(sharing.map { $0["家庭住址"] } + [row["家庭住址"]]).count == sharing.count + 1
        case "category-unknown":
            return !row["困难类型"].isEmpty && !Oracle.categories.contains(row["困难类型"])
        case "level-unknown":
            return !row["困难等级"].isEmpty && Oracle.tiers[row["困难等级"]] == nil
        case "age-out-of-range":
            guard Oracle.idValid(id), let birth = Oracle.birth(of: id) else { return false }
            let age = birth.age(on: Oracle.termStart)
            return age < 12 || age > 25
        default:
            return false
        }
    }
}
