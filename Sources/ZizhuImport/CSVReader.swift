import CLibCSV

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ZizhuCore

// The only file that touches libcsv pointers. libcsv runs in strict mode (CSV_STRICT | CSV_STRICT_FINI) so a
// malformed quote is an error instead of silently swallowing the rest of the file (TOOLCHAIN.md, libcsv
// semantics), and with CSV_REPALL_NL so that every line end outside a field is reported: that, plus the line
// ends inside quoted fields, gives the physical line where each record starts without a second pass.

/// The delimiters a roster may use.
enum CSVDelimiter: Equatable, Sendable, CaseIterable {
    case comma, tab, semicolon
    /// `，` (U+FF0C), typed by hand on Chinese keyboards. It is three bytes in UTF-8 (EF BC 8C) and libcsv takes
    /// a one-byte delimiter, so the reader turns it into 0xFF, a byte that never occurs in valid UTF-8, before
    /// parsing, and turns 0xFF back into `，` inside fields (a quoted `，` stays text).
    case fullWidthComma

    /// The byte libcsv splits on.
    var parserByte: UInt8 {
        switch self {
        case .comma: 0x2C
        case .tab: 0x09
        case .semicolon: 0x3B
        case .fullWidthComma: 0xFF
        }
    }

    var text: String {
        switch self {
        case .comma: ","
        case .tab: "\t"
        case .semicolon: ";"
        case .fullWidthComma: "，"
        }
    }
}

/// A strict-mode parse failure, kept as a value: the reader reports it and goes on where it safely can.
struct CSVProblem: Equatable, Sendable {
    enum Kind: Equatable, Sendable {
        /// A quote inside an unquoted field (`b"c`), or text right after a closing quote (`"b"x`).
        /// The reader skips the rest of that line and goes on with the next one.
        case strayQuote
        /// A quoted field still open at the end of the file, or running on for megabytes: everything after
        /// the opening quote is one field, so nothing after it can be read.
        case unterminatedQuote
        /// libcsv could not grow its buffer.
        case parserFailure
        /// An unquoted cell longer than `CSVReader.maximumFieldBytes`: the rest of its line is skipped.
        case cellTooLarge
        /// A quoted cell longer than `CSVReader.maximumFieldBytes`: an open quote, or a giant cell; reading stops.
        case quotedCellTooLarge
    }

    var kind: Kind
    /// The line where the broken record starts.
    var line: Int
    /// The line where the parser stopped (for an unterminated quote, the last line it reached).
    var endLine: Int
}

/// One record as libcsv delivered it. The field bytes live only during the `onRecord` call.
struct CSVRecord {
    /// 1-based physical line where the record starts.
    let line: Int
    /// Number of fields.
    let count: Int
    let base: UnsafePointer<UInt8>
    /// End offset of each field, relative to `base`.
    let ends: UnsafePointer<Int>
    /// Set for a record cut short by a parse error; it then holds the fields completed before the error.
    let problem: CSVProblem?

    /// The bytes of all fields together.
    var byteCount: Int { count == 0 ? 0 : ends[count - 1] }

    func field(_ index: Int) -> UnsafeBufferPointer<UInt8> {
        let start = index == 0 ? 0 : ends[index - 1]
        return UnsafeBufferPointer(start: base + start, count: ends[index] - start)
    }
}

/// Parses UTF-8 CSV text fed in blocks of any size, calling `onRecord` for each record with its line.
final class CSVReader {
    /// Excel holds at most 32,767 characters in a cell; a field of a megabyte is a quote that never closes.
    static let maximumFieldBytes = 1 << 20

    private let parser: UnsafeMutablePointer<csv_parser>
    private let state: CSVParseState
    private let options: UInt8 = UInt8(CSV_STRICT | CSV_STRICT_FINI | CSV_REPALL_NL)
    let delimiter: CSVDelimiter
    /// Set after an unrecoverable problem or `stop()`: further input is ignored.
    private(set) var stopped = false
    /// Skipping the rest of a line after a stray quote.
    private var skippingToLineEnd = false
    /// For `，`: the translated block, and the first bytes of a `，` split across blocks.
    private let translated = ByteBuffer(capacity: 1 << 16)
    private var translationCarry: [UInt8] = []

    /// - Parameter firstLine: the physical line of the first byte fed: 1, or where a later part of a file starts.
    init?(delimiter: CSVDelimiter, firstLine: Int = 1, onRecord: @escaping (CSVRecord) -> Void) {
        parser = .allocate(capacity: 1)
        guard csv_init(parser, options) == 0 else {
            parser.deallocate()
            return nil
        }
        csv_set_delim(parser, delimiter.parserByte)
        csv_set_space_func(parser, csvNeverSpace)
        self.delimiter = delimiter
        state = CSVParseState(expandsFullWidthComma: delimiter == .fullWidthComma, onRecord: onRecord)
        state.line = firstLine
    }

    deinit {
        csv_free(parser)
        parser.deallocate()
    }

    /// Problems met so far, in order.
    var problems: [CSVProblem] { state.problems }

    /// The physical line of the next byte to be parsed: for pointing at where decoding stopped.
    var lineOfNextByte: Int {
        state.line + state.pendingBreaks + partialFieldBreaks()
    }

    /// The line where the next record starts.
    var line: Int { state.line }

    /// True when the input so far ends exactly between two records: nothing of a record is pending in libcsv
    /// or here, so what follows parses the same on a fresh reader (the second half of a file, read on
    /// another core). libcsv's `pstate` 0 is its ROW_NOT_BEGUN.
    var isBetweenRecords: Bool {
        !stopped && !skippingToLineEnd && translationCarry.isEmpty && parser.pointee.pstate == 0
            && parser.pointee.quoted == 0 && parser.pointee.entry_pos == 0 && state.isBetweenRecords
    }

    /// Stops reading: later input is ignored and no more records are delivered.
    func stop() { stopped = true }

    func feed(_ bytes: UnsafeRawBufferPointer) {
        guard !stopped, bytes.count > 0 else { return }
        if delimiter == .fullWidthComma {
            translateFullWidthCommas(bytes)
            parse(translated.bytes)
        } else {
            parse(bytes)
        }
    }

    /// Ends the input: flushes a last record without a line end, and reports an unterminated quote.
    func finish() {
        guard !stopped else { return }
        if !translationCarry.isEmpty {
            let carry = translationCarry
            translationCarry = []
            carry.withUnsafeBytes { parse($0) }
        }
        stopped = true
        if skippingToLineEnd { return }
        let context = Unmanaged.passUnretained(state).toOpaque()
        let result = withExtendedLifetime(state) {
            csv_fini(parser, csvFieldCallback, csvRecordCallback, context)
        }
        if result != 0 {
            // CSV_STRICT_FINI: the last quoted field never closed.
            let kind: CSVProblem.Kind = csv_error(parser) == CSV_EPARSE ? .unterminatedQuote : .parserFailure
            deliverBrokenRecord(kind)
            resetParser()
        }
    }

    // MARK: - Parsing

    private func parse(_ bytes: UnsafeRawBufferPointer) {
        guard let base = bytes.baseAddress else { return }
        let context = Unmanaged.passUnretained(state).toOpaque()
        var offset = 0
        while offset < bytes.count && !stopped {
            if skippingToLineEnd {
                offset = skipToLineEnd(bytes, from: offset)
                continue
            }
            let (length, blanks) = nextSegment(base.assumingMemoryBound(to: UInt8.self), from: offset, to: bytes.count)
            useNeverSpace(blanks)
            let parsed = withExtendedLifetime(state) {
                csv_parse(parser, base + offset, length, csvFieldCallback, csvRecordCallback, context)
            }
            offset += parsed
            if parsed < length {
                // Strict mode refused the byte at `offset`.
                if csv_error(parser) == CSV_EPARSE {
                    deliverBrokenRecord(.strayQuote)
                    resetParser()
                    skippingToLineEnd = true
                } else {
                    deliverBrokenRecord(.parserFailure)
                    stopped = true
                }
            } else if parser.pointee.entry_pos > CSVReader.maximumFieldBytes {
                if parser.pointee.quoted != 0 {
                    deliverBrokenRecord(.quotedCellTooLarge)
                    stopped = true
                } else {
                    // An unquoted cell cannot span lines: drop the rest of this one and read on.
                    deliverBrokenRecord(.cellTooLarge)
                    resetParser()
                    skippingToLineEnd = true
                }
            }
        }
    }

    /// The next run of bytes to parse, and whether it is blanks (space, tab). libcsv asks its space function
    /// about every byte; ours (`csvNeverSpace`, which keeps fields byte-exact) costs a call each time, while
    /// without one libcsv tests for space and tab inline, answering the same for every other byte. So blanks
    /// go through `csvNeverSpace` and the runs between them through the inline test. A tab-separated file
    /// uses `csvNeverSpace` throughout: its tabs are delimiters, which libcsv's inline test would skip.
    @inline(__always)
    private func nextSegment(_ p: UnsafePointer<UInt8>, from start: Int, to end: Int) -> (length: Int, blanks: Bool) {
        if delimiter == .tab { return (end - start, true) }
        var index = start
        if isBlank(p[index]) {
            while index < end && isBlank(p[index]) { index += 1 }
            return (index - start, true)
        }
        while index + 8 <= end {
            let word = ByteScan.load(p, index)
            if ByteScan.hasByteBelow(word ^ 0x2020_2020_2020_2020, 1) || ByteScan.hasByteBelow(word ^ 0x0909_0909_0909_0909, 1) {
                break
            }
            index += 8
        }
        while index < end && !isBlank(p[index]) { index += 1 }
        return (index - start, false)
    }

    @inline(__always)
    private func isBlank(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 }

    private var usesNeverSpace = true

    @inline(__always)
    private func useNeverSpace(_ never: Bool) {
        guard never != usesNeverSpace else { return }
        csv_set_space_func(parser, never ? csvNeverSpace : nil)
        usesNeverSpace = never
    }

    /// After a stray quote: drop the rest of the physical line, then parse again from its line end, which
    /// the fresh parser reports as a line end (keeping the line count right).
    private func skipToLineEnd(_ bytes: UnsafeRawBufferPointer, from start: Int) -> Int {
        var index = start
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x0A || byte == 0x0D {
                skippingToLineEnd = false
                return index
            }
            index += 1
        }
        return index
    }

    private func deliverBrokenRecord(_ kind: CSVProblem.Kind) {
        var endLine = lineOfNextByte
        // An open quote that swallowed the file's final line end: that end starts no further line.
        if kind == .unterminatedQuote, endsWithLineBreak(), endLine > state.line { endLine -= 1 }
        state.deliverBrokenRecord(CSVProblem(kind: kind, line: state.line, endLine: endLine),
                                  extraBreaks: partialFieldBreaks())
    }

    /// Line ends inside the field libcsv is still collecting (a quoted field spanning lines).
    private func partialFieldBreaks() -> Int {
        let length = parser.pointee.entry_pos
        guard length > 0, let entry = parser.pointee.entry_buf else { return 0 }
        return countLineBreaks(UnsafePointer(entry), length)
    }

    private func endsWithLineBreak() -> Bool {
        let length = parser.pointee.entry_pos
        guard length > 0, let entry = parser.pointee.entry_buf else { return false }
        return entry[length - 1] == 0x0A || entry[length - 1] == 0x0D
    }

    /// Forgets the broken field: csv_fini resets the parser, and without CSV_STRICT_FINI it always succeeds.
    private func resetParser() {
        guard csv_set_opts(parser, UInt8(CSV_STRICT | CSV_REPALL_NL)) == 0,
              csv_fini(parser, nil, nil, nil) == 0,
              csv_set_opts(parser, options) == 0
        else {
            stopped = true
            return
        }
    }

    /// Replaces each `，` (EF BC 8C) by the delimiter byte 0xFF into `translated`, carrying a split sequence.
    private func translateFullWidthCommas(_ bytes: UnsafeRawBufferPointer) {
        translated.removeAll()
        translated.reserve(translationCarry.count + bytes.count)
        translationCarry.withUnsafeBytes { translated.append($0) }
        translationCarry.removeAll()
        translated.append(bytes)
        let p = translated.base
        let n = translated.count
        var read = 0, write = 0
        while read < n {
            let byte = p[read]
            if byte == 0xEF {
                if read + 2 < n {
                    if p[read + 1] == 0xBC && p[read + 2] == 0x8C {
                        p[write] = 0xFF
                        write += 1
                        read += 3
                        continue
                    }
                } else if read + 1 == n || p[read + 1] == 0xBC {
                    // Possibly the start of a `，` that the next block completes.
                    translationCarry = Array(UnsafeBufferPointer(start: p + read, count: n - read))
                    break
                }
            }
            p[write] = byte
            write += 1
            read += 1
        }
        translated.removeLast(translated.count - write)
    }
}

// MARK: - The callback context

/// State shared with the C callbacks: the fields of the current record in manually grown buffers, and the
/// line count.
private final class CSVParseState {
    var bytes: UnsafeMutablePointer<UInt8>
    var byteCapacity = 4096
    var byteCount = 0
    var ends: UnsafeMutablePointer<Int>
    var endCapacity = 64
    var fieldCount = 0
    /// Line where the current record starts (the line of the next byte when no record is open).
    var line = 1
    /// Line ends inside the fields of the current record so far.
    var pendingBreaks = 0
    /// The last line end seen outside fields was a CR: a LF right after it is the same line end.
    var lastWasCR = false
    var problems: [CSVProblem] = []
    let expandsFullWidthComma: Bool
    let onRecord: (CSVRecord) -> Void

    init(expandsFullWidthComma: Bool, onRecord: @escaping (CSVRecord) -> Void) {
        self.expandsFullWidthComma = expandsFullWidthComma
        self.onRecord = onRecord
        bytes = .allocate(capacity: byteCapacity)
        ends = .allocate(capacity: endCapacity)
    }

    deinit {
        bytes.deallocate()
        ends.deallocate()
    }

    var isBetweenRecords: Bool { fieldCount == 0 && pendingBreaks == 0 && !lastWasCR }

    @inline(__always)
    func addField(_ field: UnsafeMutableRawPointer?, _ length: Int) {
        let room = expandsFullWidthComma ? length * 3 : length
        if byteCount + room > byteCapacity { growBytes(byteCount + room) }
        if fieldCount == endCapacity { growEnds() }
        if length > 0, let field {
            let source = field.assumingMemoryBound(to: UInt8.self)
            let start = bytes + byteCount
            if expandsFullWidthComma {
                byteCount += copyRestoringFullWidthCommas(source, length, into: start)
                pendingBreaks += countLineBreaks(UnsafePointer(start), bytes + byteCount - start)
            } else {
                if copyFindingControlBytes(UnsafePointer(source), length, into: start) {
                    pendingBreaks += countLineBreaks(UnsafePointer(start), length)
                }
                byteCount += length
            }
        }
        lastWasCR = false
        ends[fieldCount] = byteCount
        fieldCount += 1
    }

    @inline(__always)
    func endRecord(_ terminator: Int32) {
        let lineEnd = terminator == Int32(CSV_CR) || terminator == Int32(CSV_LF)
        if fieldCount == 0 {
            // A line end outside any record: a blank line, or the LF of a CR LF pair.
            if terminator == Int32(CSV_LF) && lastWasCR {
                lastWasCR = false
            } else if lineEnd {
                line += 1
                lastWasCR = terminator == Int32(CSV_CR)
            }
            return
        }
        onRecord(CSVRecord(line: line, count: fieldCount, base: bytes, ends: ends, problem: nil))
        line += pendingBreaks + (lineEnd ? 1 : 0)
        lastWasCR = terminator == Int32(CSV_CR)
        pendingBreaks = 0
        byteCount = 0
        fieldCount = 0
    }

    /// Delivers the fields completed before a parse error, and moves the line count past the broken part.
    func deliverBrokenRecord(_ problem: CSVProblem, extraBreaks: Int) {
        problems.append(problem)
        onRecord(CSVRecord(line: line, count: fieldCount, base: bytes, ends: ends, problem: problem))
        line += pendingBreaks + extraBreaks
        lastWasCR = false
        pendingBreaks = 0
        byteCount = 0
        fieldCount = 0
    }

    private func growBytes(_ needed: Int) {
        var capacity = byteCapacity * 2
        while capacity < needed { capacity *= 2 }
        let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
        grown.update(from: bytes, count: byteCount)
        bytes.deallocate()
        bytes = grown
        byteCapacity = capacity
    }

    private func growEnds() {
        let capacity = endCapacity * 2
        let grown = UnsafeMutablePointer<Int>.allocate(capacity: capacity)
        grown.update(from: ends, count: fieldCount)
        ends.deallocate()
        ends = grown
        endCapacity = capacity
    }
}

/// Copies a field, turning the stand-in byte 0xFF back into `，` (EF BC 8C); returns the bytes written.
private func copyRestoringFullWidthCommas(
    _ source: UnsafePointer<UInt8>, _ length: Int, into target: UnsafeMutablePointer<UInt8>
) -> Int {
    var written = 0
    for index in 0..<length {
        let byte = source[index]
        if byte == 0xFF {
            target[written] = 0xEF
            target[written + 1] = 0xBC
            target[written + 2] = 0x8C
            written += 3
        } else {
            target[written] = byte
            written += 1
        }
    }
    return written
}

/// Copies a field in words (fields are short: a call to memcpy costs more than the copy) and tells whether it
/// may hold a control byte, in which case its line ends are counted exactly. The last word of a field overlaps
/// the one before it instead of finishing byte by byte; no byte outside the field is read or written.
@inline(__always)
private func copyFindingControlBytes(
    _ source: UnsafePointer<UInt8>, _ length: Int, into target: UnsafeMutablePointer<UInt8>
) -> Bool {
    let from = UnsafeRawPointer(source)
    let to = UnsafeMutableRawPointer(target)
    if length >= 8 {
        var control = false
        var index = 0
        while index + 8 <= length {
            let word = from.loadUnaligned(fromByteOffset: index, as: UInt64.self)
            to.storeBytes(of: word, toByteOffset: index, as: UInt64.self)
            control = control || ByteScan.hasByteBelow(word, 0x0E)
            index += 8
        }
        if index < length {
            let word = from.loadUnaligned(fromByteOffset: length - 8, as: UInt64.self)
            to.storeBytes(of: word, toByteOffset: length - 8, as: UInt64.self)
            control = control || ByteScan.hasByteBelow(word, 0x0E)
        }
        return control
    }
    // Shorter fields: two overlapping halves, tested together with blanks (0x20) in the unused bytes.
    let pair: UInt64
    if length >= 4 {
        let head = from.loadUnaligned(as: UInt32.self)
        let tail = from.loadUnaligned(fromByteOffset: length - 4, as: UInt32.self)
        to.storeBytes(of: head, as: UInt32.self)
        to.storeBytes(of: tail, toByteOffset: length - 4, as: UInt32.self)
        pair = UInt64(head) | UInt64(tail) << 32
    } else if length >= 2 {
        let head = from.loadUnaligned(as: UInt16.self)
        let tail = from.loadUnaligned(fromByteOffset: length - 2, as: UInt16.self)
        to.storeBytes(of: head, as: UInt16.self)
        to.storeBytes(of: tail, toByteOffset: length - 2, as: UInt16.self)
        pair = UInt64(head) | UInt64(tail) << 16 | 0x2020_2020_0000_0000
    } else if length == 1 {
        target[0] = source[0]
        pair = UInt64(source[0]) | 0x2020_2020_2020_2000
    } else {
        return false
    }
    return ByteScan.hasByteBelow(pair, 0x0E)
}

/// Line ends in a field: CR LF counts once, a lone CR or LF once each.
@inline(__always)
private func countLineBreaks(_ p: UnsafePointer<UInt8>, _ n: Int) -> Int {
    // Most fields hold no control byte at all: a word-at-a-time test first.
    guard ByteScan.mayHoldControl(p, n) else { return 0 }
    var breaks = 0
    for index in 0..<n {
        let byte = p[index]
        if byte == 0x0A || (byte == 0x0D && (index + 1 == n || p[index + 1] != 0x0A)) { breaks += 1 }
    }
    return breaks
}

// C callbacks: global functions without captures; the state arrives through `data`.

private func csvFieldCallback(_ field: UnsafeMutableRawPointer?, _ length: Int, _ data: UnsafeMutableRawPointer?) {
    guard let data else { return }
    // A guaranteed reference: no retain and release per field (the reader keeps the state alive).
    Unmanaged<CSVParseState>.fromOpaque(data)._withUnsafeGuaranteedRef { $0.addField(field, length) }
}

private func csvRecordCallback(_ terminator: Int32, _ data: UnsafeMutableRawPointer?) {
    guard let data else { return }
    Unmanaged<CSVParseState>.fromOpaque(data)._withUnsafeGuaranteedRef { $0.endRecord(terminator) }
}

/// Keeps fields byte-exact: libcsv's default trims spaces and tabs.
private func csvNeverSpace(_ byte: UInt8) -> Int32 { 0 }
