/// Chooses the delimiter from the first decoded bytes of a file.
///
/// The header line decides when there is one (the first line naming 姓名): the candidate it holds most often
/// wins, so a `，` or `,` inside an address further down cannot outvote it. Without such a line, the candidate
/// that splits the most lines into the same number of pieces wins. Delimiters inside quotes do not count.
enum DelimiterDetector {
    static let maximumLines = 60

    static func detect(_ sample: UnsafeRawBufferPointer) -> CSVDelimiter {
        let lines = countPerLine(sample)
        guard !lines.isEmpty else { return .comma }
        if let header = lines.first(where: \.namesStudent) {
            let best = CSVDelimiter.allCases.max { header.count(of: $0) < header.count(of: $1) } ?? .comma
            if header.count(of: best) > 0 { return preferComma(best, in: header) }
        }
        // No header in sight: the delimiter giving the most lines the same nonzero number of pieces.
        var best = CSVDelimiter.comma
        var bestScore = 0
        for candidate in CSVDelimiter.allCases {
            var frequency: [Int: Int] = [:]
            for line in lines where line.count(of: candidate) > 0 {
                frequency[line.count(of: candidate), default: 0] += 1
            }
            let score = frequency.values.max() ?? 0
            if score > bestScore {
                best = candidate
                bestScore = score
            }
        }
        return best
    }

    /// Ties go to the comma, the delimiter of every CSV that Excel writes.
    private static func preferComma(_ best: CSVDelimiter, in line: LineCounts) -> CSVDelimiter {
        line.count(of: .comma) == line.count(of: best) ? .comma : best
    }

    struct LineCounts {
        var counts = [0, 0, 0, 0]
        var namesStudent = false

        func count(of delimiter: CSVDelimiter) -> Int { counts[LineCounts.slot(delimiter)] }

        static func slot(_ delimiter: CSVDelimiter) -> Int {
            switch delimiter {
            case .comma: 0
            case .tab: 1
            case .semicolon: 2
            case .fullWidthComma: 3
            }
        }
    }

    /// Counts candidates outside quotes on each logical line (a quoted line end does not end the line).
    static func countPerLine(_ sample: UnsafeRawBufferPointer) -> [LineCounts] {
        var lines: [LineCounts] = []
        var current = LineCounts()
        var inQuotes = false
        var hasContent = false
        let n = sample.count
        var i = 0
        // 姓名 in UTF-8.
        let name: [UInt8] = [0xE5, 0xA7, 0x93, 0xE5, 0x90, 0x8D]
        while i < n && lines.count < maximumLines {
            let byte = sample[i]
            if byte == 0x22 {
                inQuotes.toggle()
            } else if !inQuotes {
                switch byte {
                case 0x0A, 0x0D:
                    if hasContent { lines.append(current) }
                    current = LineCounts()
                    hasContent = false
                    i += 1
                    continue
                case 0x2C: current.counts[0] += 1
                case 0x09: current.counts[1] += 1
                case 0x3B: current.counts[2] += 1
                case 0xEF where i + 2 < n && sample[i + 1] == 0xBC && sample[i + 2] == 0x8C:
                    current.counts[3] += 1
                    hasContent = true
                    i += 3
                    continue
                default: break
                }
            }
            if byte == name[0], i + name.count <= n, !current.namesStudent,
               (0..<name.count).allSatisfy({ sample[i + $0] == name[$0] }) {
                current.namesStudent = true
            }
            hasContent = true
            i += 1
        }
        if hasContent && lines.count < maximumLines { lines.append(current) }
        return lines
    }
}
