import Foundation
import Testing
import ZizhuCore
import ZizhuImport
@testable import ZizhuGenerate

@Suite struct RosterGeneratorTests {
    @Test func writesTheRequestedRowsInClassSheets() throws {
        let folder = TemporaryFolder()
        let round = try RosterGenerator.generate(GeneratorOptions(rows: 1000, seed: 3), into: folder.path)
        let read = try GeneratedFolder(directory: folder.path)

        #expect(round.rows == 1000)
        #expect(read.key.files.map(\.rows).reduce(0, +) == 1000)
        #expect(read.rows.count == 1000)
        #expect(round.files.count == 20)
        #expect(read.key.files.allSatisfy { (40...60).contains($0.rows) })
        #expect(read.key.files.first?.file == "高一(1)班.csv")
        #expect(read.key.files.contains { $0.file == "高三(1)班.csv" || $0.file == "高三(1)班.txt" })
        #expect(Set(read.key.files.map(\.layout)) == Set(SheetLayout.allCases))
        #expect(round.files.allSatisfy { FileManager.default.fileExists(atPath: $0) })
        #expect(!round.files.contains(round.answersFile))
        #expect(round.answersFile.hasSuffix("/answers.json"))
        for sheet in read.sheets {
            let serials = sheet.dataRecords.map { Int($0.cells[0]) ?? 0 }
            #expect(serials == Array(1...serials.count), "\(sheet.file)")
        }
    }

    @Test func sameSeedGivesIdenticalBytes() throws {
        let (a, b) = (TemporaryFolder(), TemporaryFolder())
        var options = GeneratorOptions(rows: 600, seed: 77, anomalyRate: 0.1)
        options.layouts = nil
        let first = try RosterGenerator.generate(options, into: a.path)
        let second = try RosterGenerator.generate(options, into: b.path)
        #expect(first.answers == second.answers)
        for name in first.files.map({ ($0 as NSString).lastPathComponent }) + ["answers.json"] {
            let left = try Data(contentsOf: URL(fileURLWithPath: a.file(name)))
            let right = try Data(contentsOf: URL(fileURLWithPath: b.file(name)))
            #expect(left == right, "\(name) differs between two runs with the same seed")
        }
    }

    @Test func differentSeedsGiveDifferentSheets() throws {
        let (a, b) = (TemporaryFolder(), TemporaryFolder())
        _ = try RosterGenerator.generate(GeneratorOptions(rows: 100, seed: 1), into: a.path)
        _ = try RosterGenerator.generate(GeneratorOptions(rows: 100, seed: 2), into: b.path)
        let left = try Data(contentsOf: URL(fileURLWithPath: a.file("高一(1)班.csv")))
        let right = try Data(contentsOf: URL(fileURLWithPath: b.file("高一(1)班.csv")))
        #expect(left != right)
    }

    @Test func filesDecodeInTheirEncodings() throws {
        let folder = TemporaryFolder()
        _ = try RosterGenerator.generate(GeneratorOptions(rows: 3000, seed: 11), into: folder.path)
        let read = try GeneratedFolder(directory: folder.path)
        var rareNames = 0
        for sheet in read.sheets {
            #expect(sheet.invalidBytes == 0, "\(sheet.file)")
            #expect(sheet.text.contains("姓名"))
            #expect(!sheet.text.contains("\u{FFFD}"))
            if sheet.layout == .gb18030TitledCSV {
                // GBK characters only, except the rare names only GB18030 has.
                for line in sheet.physicalLines where (try? IconvConverter.encode(line, to: "GBK")) == nil {
                    #expect(line.contains("䶮") || line.contains("𬭚"), "\(sheet.file): \(line)")
                    rareNames += 1
                }
            }
            if sheet.layout == .utf16TabText { #expect(sheet.header.count > 20) }
        }
        #expect(rareNames > 0, "some GB18030 sheet should carry a 4-byte GB18030 name")
    }

    @Test func layoutsLookLikeExcelExports() throws {
        let folder = TemporaryFolder()
        _ = try RosterGenerator.generate(GeneratorOptions(rows: 150, seed: 4), into: folder.path)
        let read = try GeneratedFolder(directory: folder.path)
        for sheet in read.sheets {
            switch sheet.layout {
            case .utf8CSV, .utf16TabText:
                #expect(sheet.headerLine == 1)
                #expect(sheet.records.first?.cells.first == "序号")
            case .gb18030TitledCSV:
                #expect(sheet.headerLine == 4)
                #expect(sheet.physicalLines[0].hasPrefix("示例县第一中学2026年秋季学期普通高中国家助学金"))
                #expect(sheet.physicalLines[1].hasPrefix("填报单位"))
                #expect(sheet.physicalLines[2].allSatisfy { $0 == "," })
                let tail = sheet.recordsAfterHeader.suffix(2)
                #expect(tail.first?.cells.first == "合计")
                #expect(tail.last?.cells.first?.hasPrefix("制表人：") == true)
            }
            #expect(sheet.text.hasSuffix("\r\n"))
        }
        let delimiters = read.sheets.map { ($0.layout, $0.physicalLines[$0.headerLine - 1].contains("\t")) }
        #expect(delimiters.allSatisfy { $0.1 == ($0.0 == .utf16TabText) })
    }

    @Test func plantsAboutTheRequestedShare() throws {
        let folder = TemporaryFolder()
        let round = try RosterGenerator.generate(GeneratorOptions(rows: 4000, seed: 21, anomalyRate: 0.05), into: folder.path)
        let plantedRows = Set(round.answers.map { "\($0.file):\($0.line)" }).count
        #expect((180...300).contains(plantedRows), "\(plantedRows) planted rows")
        let none = try RosterGenerator.generate(GeneratorOptions(rows: 300, seed: 21, anomalyRate: 0), into: TemporaryFolder().path)
        #expect(none.answers.isEmpty)
    }

    @Test func layoutsOptionRestrictsTheShapes() throws {
        let folder = TemporaryFolder()
        var options = GeneratorOptions(rows: 200, seed: 9)
        options.layouts = [.utf16TabText]
        let round = try RosterGenerator.generate(options, into: folder.path)
        #expect(round.files.allSatisfy { $0.hasSuffix(".txt") })
    }

    @Test func refusesOptionsItCannotHonour() {
        let folder = TemporaryFolder()
        #expect(throws: GeneratorError.self) { try RosterGenerator.generate(GeneratorOptions(rows: 0), into: folder.path) }
        #expect(throws: GeneratorError.self) {
            try RosterGenerator.generate(GeneratorOptions(rows: 10, anomalyRate: 1.5), into: folder.path)
        }
        var options = GeneratorOptions(rows: 10)
        options.layouts = []
        #expect(throws: GeneratorError.self) { try RosterGenerator.generate(options, into: folder.path) }
    }

    @Test func replacesItsOwnEarlierRoundButNotOtherRosters() throws {
        let folder = TemporaryFolder()
        _ = try RosterGenerator.generate(GeneratorOptions(rows: 300, seed: 1), into: folder.path)
        let second = try RosterGenerator.generate(GeneratorOptions(rows: 100, seed: 1), into: folder.path)
        let rosters = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { !$0.hasSuffix(".json") }
        #expect(rosters.count == second.files.count)

        try Data("姓名,身份证号\r\n".utf8).write(to: URL(fileURLWithPath: folder.file("老师自己的.csv")))
        #expect(throws: GeneratorError.self) {
            try RosterGenerator.generate(GeneratorOptions(rows: 100), into: folder.path)
        }
    }

    @Test func answersFileRoundTrips() throws {
        let folder = TemporaryFolder()
        let round = try RosterGenerator.generate(GeneratorOptions(rows: 400, seed: 5, anomalyRate: 0.2), into: folder.path)
        let key = try RosterGenerator.readAnswers(in: folder.path)
        #expect(key.anomalies == round.answers)
        #expect(key.seed == 5 && key.rows == 400)
        let raw = try String(contentsOfFile: round.answersFile, encoding: .utf8)
        #expect(raw.contains("\"code\" : \"") && raw.contains("高一(1)班"))
    }
}

@Suite struct GeneratorOptionsTests {
    @Test func defaultsAreTheDocumentedOnes() {
        let options = GeneratorOptions(rows: 10)
        #expect(options.seed == 1)
        #expect(options.anomalyRate == 0.05)
        #expect(options.policy == .default)
        #expect(options.layouts == nil)
    }

    @Test func layoutsNameTheirEncodings() {
        #expect(SheetLayout.utf8CSV.encoding == "UTF-8")
        #expect(SheetLayout.gb18030TitledCSV.encoding == "GB18030")
        #expect(SheetLayout.utf16TabText.encoding == "UTF-16LE")
        #expect(SheetLayout.allCases.sorted() == [.utf8CSV, .gb18030TitledCSV, .utf16TabText])
    }

    @Test func errorsReadWell() {
        let error = GeneratorError.folderHoldsOtherRosters(folder: "out", files: ["a.csv", "b.csv", "c.csv", "d.csv"])
        #expect(error.description.contains("a.csv, b.csv, c.csv, …"))
    }
}
