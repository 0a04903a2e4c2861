/// Finds the `mergeCell` elements of a worksheet without tokenizing it: they come after all the rows, so the
/// reader skims each sheet once when it opens the workbook. Markup is the only place a literal `<` can appear in
/// XML, so a byte search for the tag is exact enough; a broken sheet is reported when its rows are read.
struct XLSXMergeScanner {
    private(set) var ranges: [String] = []
    private var carry: [UInt8] = []
    /// Enough to hold a split `<x:mergeCell ref="…"/>`.
    private static let maxCarry = 4096

    mutating func feed(_ chunk: UnsafeRawBufferPointer) {
        var window = carry
        window.append(contentsOf: chunk)
        carry = window.withUnsafeBufferPointer { bytes in scan(bytes) }
    }

    /// Scans the window; returns the tail to keep for the next chunk.
    private mutating func scan(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var index = 0
        var processedEnd = 0
        while let hit = XMLBytes.find("mergeCell", in: bytes, from: index) {
            let afterName = hit + 9
            guard afterName < bytes.count else { return tail(of: bytes, from: max(processedEnd, hit - 64)) }
            index = afterName
            // `<mergeCell ` or `<x:mergeCell `, not `<mergeCells`.
            guard XMLBytes.isSpace(bytes[afterName]) || bytes[afterName] == UInt8(ascii: "/"),
                  let tagStart = openingBracket(before: hit, in: bytes) else { continue }
            guard let tagEnd = XMLBytes.find(UInt8(ascii: ">"), in: bytes, from: afterName) else {
                return tail(of: bytes, from: tagStart)
            }
            var contentEnd = tagEnd
            if contentEnd > tagStart + 1, bytes[contentEnd - 1] == UInt8(ascii: "/") { contentEnd -= 1 }
            let content = UnsafeBufferPointer(rebasing: bytes[(tagStart + 1)..<contentEnd])
            let nameLength = afterName - tagStart - 1
            let name = XMLName(bytes: UnsafeBufferPointer(rebasing: content[..<nameLength]))
            let tag = XMLTag(bytes: content, name: name)
            if let reference = try? tag.attribute("ref"), !reference.isEmpty { ranges.append(reference) }
            processedEnd = tagEnd + 1
            index = processedEnd
        }
        return tail(of: bytes, from: max(processedEnd, bytes.count - 64))
    }

    /// The `<` that opens the tag named at `nameStart` (directly, or before a namespace prefix).
    private func openingBracket(before nameStart: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard nameStart > 0 else { return nil }
        if bytes[nameStart - 1] == UInt8(ascii: "<") { return nameStart - 1 }
        guard bytes[nameStart - 1] == UInt8(ascii: ":") else { return nil }
        var index = nameStart - 2
        while index >= 0, nameStart - index < 64 {
            let byte = bytes[index]
            if byte == UInt8(ascii: "<") { return index }
            guard XMLBytes.isNameStart(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
                    || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".") else { return nil }
            index -= 1
        }
        return nil
    }

    private func tail(of bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> [UInt8] {
        let from = max(0, start)
        guard bytes.count - from <= Self.maxCarry else { return [] }
        return Array(bytes[from...])
    }
}
