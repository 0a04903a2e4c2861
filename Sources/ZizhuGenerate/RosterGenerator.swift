import Foundation
import ZizhuCore
import ZizhuImport

/// `zizhu generate`: realistic class sheets of an aid round with known, planted problems.
public enum RosterGenerator {
    static let gradeNames = ["高一", "高二", "高三"]
    /// Share of clean rows that get a harmless quirk (grouped card digits, full-width phone digits …).
    static let cosmeticRate = 0.015

    /// Writes class sheets into `directory` and `answers.json` (the planted anomalies: file, line, code) —
    /// answers.json is NOT a roster (other tools skip it since folders are read for .csv/.txt/.xlsx only).
    ///
    /// Rows are spread over classes of about 40–60 (高一(1)班 …), one file per class, rotating through
    /// the layouts. A folder that already holds roster files this generator did not write is refused; the
    /// sheets of an earlier generated round there are replaced.
    public static func generate(_ options: GeneratorOptions, into directory: String) throws -> GeneratedRound {
        guard options.rows >= 1 else { throw GeneratorError.invalidOption("rows must be at least 1 (got \(options.rows))") }
        guard options.anomalyRate.isFinite, (0...1).contains(options.anomalyRate) else {
            throw GeneratorError.invalidOption("the anomaly rate must be between 0 and 1 (got \(options.anomalyRate))")
        }
        let layouts = (options.layouts.map(Array.init) ?? SheetLayout.allCases).sorted()
        guard !layouts.isEmpty else { throw GeneratorError.invalidOption("no sheet layout chosen") }
        let facts = try PolicyFacts(options.policy)
        try prepare(directory)

        var random = RandomSource(seed: options.seed)
        var registry = Registry()
        let factory = StudentFactory(facts: facts)
        var planter = ClassPlanter(factory: factory)
        var earlier: [EarlierRow] = []
        var answers: [PlantedAnomaly] = []
        var sheets: [AnswerKey.SheetInfo] = []
        var paths: [String] = []

        let sizes = classSizes(rows: options.rows, using: &random)
        let perGrade = (sizes.count + 2) / 3
        var rowsSoFar = 0
        var plantedSoFar = 0

        for (classIndex, size) in sizes.enumerated() {
            let grade = min(classIndex / perGrade, 2)
            let className = "\(gradeNames[grade])(\(classIndex % perGrade + 1))班"
            let layout = layouts[classIndex % layouts.count]
            let fileName = "\(className).\(layout.fileExtension)"
            let style = SheetStyle(layout: layout, using: &random)

            var rows = (0..<size).map { _ in
                factory.makeStudent(grade: grade, style: style, registry: &registry, using: &random)
            }
            var free = Array(rows.indices)
            random.shuffle(&free)
            let olderLimit = Int(Double(size) * facts.age.olderSharePercent / 100)
            var draft = ClassDraft(rows: rows, free: free, olderLimit: olderLimit,
                                   teacher: ChineseNames.adult(using: &random))

            rowsSoFar += size
            let target = Int((Double(rowsSoFar) * options.anomalyRate).rounded())
            planter.plant(quota: max(0, target - plantedSoFar), in: &draft, style: style, earlier: &earlier,
                          registry: &registry, using: &random)
            rows = draft.rows
            plantedSoFar += rows.reduce(0) { $0 + ($1.isClean ? 0 : 1) }
            keepAmountsVaried(&rows, factory: factory, using: &random)
            addCosmetics(&rows, layout: layout, using: &random)

            let renderer = SheetRenderer(policy: options.policy, facts: facts, style: style,
                                         grade: gradeNames[grade], className: className, teacher: draft.teacher)
            let sheet = renderer.render(rows)
            let path = (directory as NSString).appendingPathComponent(fileName)
            try write(try encode(sheet.text, layout: layout), to: path)
            paths.append(path)
            sheets.append(AnswerKey.SheetInfo(file: fileName, layout: layout, encoding: layout.encoding,
                                              headerLine: sheet.headerLine, rows: rows.count))

            answers.append(contentsOf: draft.earlierAnswers)
            for (index, row) in rows.enumerated() {
                if let code = row.planted {
                    answers.append(PlantedAnomaly(file: fileName, line: sheet.rowLines[index], code: code.rawValue))
                }
                // A rare name on the account: the default bank template (GBK) cannot carry it.
                if ChineseNames.needsGB18030(row.holder) {
                    answers.append(PlantedAnomaly(file: fileName, line: sheet.rowLines[index],
                                                  code: FindingCode.bankValueUnwritable.rawValue))
                }
            }
            earlier = pickEarlier(rows: rows, lines: sheet.rowLines, file: fileName, using: &random)
        }

        let order = Dictionary(uniqueKeysWithValues: sheets.enumerated().map { ($1.file, $0) })
        answers = Array(Set(answers)).sorted { a, b in
            let (fa, fb) = (order[a.file] ?? 0, order[b.file] ?? 0)
            if fa != fb { return fa < fb }
            if a.line != b.line { return a.line < b.line }
            return a.code < b.code
        }
        let key = AnswerKey(generator: "zizhu generate", seed: options.seed, rows: options.rows,
                            anomalyRate: options.anomalyRate, files: sheets, anomalies: answers)
        let answersPath = (directory as NSString).appendingPathComponent(AnswerKey.fileName)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        try write(Array(try encoder.encode(key)) + [10], to: answersPath)
        return GeneratedRound(files: paths, answers: answers, rows: options.rows, answersFile: answersPath)
    }

    /// Reads the `answers.json` of a generated folder.
    public static func readAnswers(in directory: String) throws -> AnswerKey {
        let path = (directory as NSString).appendingPathComponent(AnswerKey.fileName)
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        return try JSONDecoder().decode(AnswerKey.self, from: data)
    }

    /// Class sizes of about 50 (40–60 once there are enough rows), summing to `rows`.
    static func classSizes(rows: Int, using random: inout RandomSource) -> [Int] {
        let count = max(1, Int((Double(rows) / 50).rounded()))
        var sizes = (0..<count).map { rows / count + ($0 < rows % count ? 1 : 0) }
        var index = 0
        while index + 1 < count {
            let shift = random.int(in: -8...8)
            if sizes[index] + shift >= 1 && sizes[index + 1] - shift >= 1 {
                sizes[index] += shift
                sizes[index + 1] -= shift
            }
            index += 2
        }
        return sizes
    }

    /// `amount-uniform` looks for a class paid one amount throughout: make sure the clean rows differ.
    static func keepAmountsVaried(_ rows: inout [StudentRow], factory: StudentFactory,
                                  using random: inout RandomSource) {
        let clean = rows.indices.filter { rows[$0].isClean }
        guard clean.count >= 2, let first = clean.first,
              clean.allSatisfy({ rows[$0].tier.amount == rows[first].tier.amount })
        else { return }
        let facts = factory.facts
        let index = clean[random.below(clean.count)]
        if rows[index].tier.amount == facts.topTier.amount {
            guard let other = facts.otherTiers.first else { return }
            rows[index].category = facts.generalCategory
            rows[index].tier = other
        } else {
            rows[index].category = facts.topCategories[0]
            rows[index].tier = facts.topTier
        }
    }

    static func addCosmetics(_ rows: inout [StudentRow], layout: SheetLayout, using random: inout RandomSource) {
        for index in rows.indices where rows[index].isClean && random.chance(cosmeticRate) {
            var cosmetic = random.pick(Cosmetic.allCases)
            if cosmetic == .lowercaseX && !rows[index].id.hasSuffix("X") { cosmetic = .cardInGroups }
            if cosmetic == .commaInAddress && layout != .utf8CSV { cosmetic = .fullWidthPhone }
            if cosmetic == .multilineAddress && layout == .gb18030TitledCSV { cosmetic = .nameTrailingSpace }
            rows[index].cosmetic = cosmetic
        }
    }

    /// A few clean rows of the sheet just written, for the next sheet's cross-file anomalies.
    static func pickEarlier(rows: [StudentRow], lines: [Int], file: String,
                            using random: inout RandomSource) -> [EarlierRow] {
        var clean = rows.indices.filter { rows[$0].isClean }
        random.shuffle(&clean)
        return clean.prefix(6).map { EarlierRow(row: rows[$0], file: file, line: lines[$0]) }
    }

    static func encode(_ text: String, layout: SheetLayout) throws -> [UInt8] {
        switch layout {
        case .utf8CSV:
            return [0xEF, 0xBB, 0xBF] + Array(text.utf8)
        case .gb18030TitledCSV:
            return try IconvConverter.encode(text, to: "GB18030")
        case .utf16TabText:
            // Swift strings know their UTF-16 form: no converter needed.
            var bytes: [UInt8] = [0xFF, 0xFE]
            bytes.reserveCapacity(2 + text.utf16.count * 2)
            for unit in text.utf16 { bytes.append(UInt8(truncatingIfNeeded: unit)); bytes.append(UInt8(unit >> 8)) }
            return bytes
        }
    }

    static func write(_ bytes: [UInt8], to path: String) throws {
        do {
            try Data(bytes).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw GeneratorError.cannotWrite(path: path, reason: error.localizedDescription)
        }
    }

    /// Creates the folder; removes the sheets of an earlier generated round there; refuses a folder that
    /// holds other rosters, which a later `zizhu check DIR` would mix with ours.
    static func prepare(_ directory: String) throws {
        let manager = FileManager.default
        do {
            try manager.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw GeneratorError.cannotWrite(path: directory, reason: error.localizedDescription)
        }
        let present = ((try? manager.contentsOfDirectory(atPath: directory)) ?? []).filter { name in
            ["csv", "txt", "xlsx"].contains((name as NSString).pathExtension.lowercased())
        }
        guard !present.isEmpty else { return }
        let ours = Set((try? readAnswers(in: directory))?.files.map(\.file) ?? [])
        let foreign = present.filter { !ours.contains($0) }.sorted()
        guard foreign.isEmpty else { throw GeneratorError.folderHoldsOtherRosters(folder: directory, files: foreign) }
        for name in present {
            try? manager.removeItem(atPath: (directory as NSString).appendingPathComponent(name))
        }
    }
}
