/// Reads `xl/sharedStrings.xml`: one string per `si`, rich-text runs concatenated, phonetic runs (`rPh`) left out.
struct XLSXSharedStringsHandler: XMLEventHandler {
    private(set) var strings: [String] = []
    private var inItem = false
    private var inText = false
    private var phoneticDepth = 0
    private var itemBytes: [UInt8] = []

    mutating func startElement(_ tag: XMLTag) throws {
        if tag.isLocal("si") {
            inItem = true
            itemBytes.removeAll(keepingCapacity: true)
        } else if tag.isLocal("sst") {
            // Reserve for the declared count, within reason: the attribute is not to be trusted.
            if let count = try tag.attribute("uniqueCount").flatMap({ Int($0) }), count > 0 {
                strings.reserveCapacity(min(count, 1 << 20))
            }
        } else if inItem {
            if tag.isLocal("rPh") { phoneticDepth += 1 }
            if tag.isLocal("t") { inText = true }
        }
    }

    mutating func endElement(_ name: XMLName) throws {
        if name.isLocal("si") {
            strings.append(XMLText.unescapeOfficeString(itemBytes))
            inItem = false
        } else if name.isLocal("t") {
            inText = false
        } else if name.isLocal("rPh") {
            phoneticDepth = max(0, phoneticDepth - 1)
        }
    }

    mutating func characters(_ raw: UnsafeBufferPointer<UInt8>, isCDATA: Bool) throws {
        guard inItem, inText, phoneticDepth == 0 else { return }
        try XMLText.decode(raw, isCDATA: isCDATA, appendingTo: &itemBytes)
    }
}

/// One sheet as `xl/workbook.xml` lists it.
struct XLSXWorkbookSheetEntry {
    var name: String
    var isHidden: Bool
    var relationshipID: String
}

/// Reads `xl/workbook.xml`: the sheets in tab order and the date system.
struct XLSXWorkbookHandler: XMLEventHandler {
    private(set) var sheets: [XLSXWorkbookSheetEntry] = []
    private(set) var date1904 = false
    private var inSheets = false

    mutating func startElement(_ tag: XMLTag) throws {
        if tag.isLocal("sheets") {
            inSheets = true
        } else if inSheets, tag.isLocal("sheet") {
            var name: String?
            var state: String?
            var relationshipID: String?
            try tag.forEachAttribute { attribute, raw in
                if attribute.isLocal("name"), !attribute.hasPrefix {
                    name = try XMLText.decodeString(raw)
                } else if attribute.isLocal("state"), !attribute.hasPrefix {
                    state = try XMLText.decodeString(raw)
                } else if attribute.isLocal("id"), attribute.hasPrefix {
                    // `r:id`; the prefix is whatever the writer bound to the relationships namespace.
                    relationshipID = try XMLText.decodeString(raw)
                }
            }
            guard let name, let relationshipID else { throw XMLSyntaxError(reason: "sheet 元素缺少 name 或 r:id") }
            sheets.append(XLSXWorkbookSheetEntry(
                name: name, isHidden: state == "hidden" || state == "veryHidden", relationshipID: relationshipID))
        } else if tag.isLocal("workbookPr") {
            let value = try tag.attribute("date1904")
            date1904 = value == "1" || value == "true"
        }
    }

    mutating func endElement(_ name: XMLName) throws {
        if name.isLocal("sheets") { inSheets = false }
    }

    mutating func characters(_ raw: UnsafeBufferPointer<UInt8>, isCDATA: Bool) throws {}
}

struct XLSXRelationship {
    var id: String
    var type: String
    var target: String
    var isExternal: Bool

    /// Matches the relationship type by its last segment, so transitional and strict OOXML both match.
    func hasType(_ lastSegment: String) -> Bool {
        type.hasSuffix("/" + lastSegment)
    }
}

/// Reads a `.rels` part.
struct XLSXRelationshipsHandler: XMLEventHandler {
    private(set) var relationships: [XLSXRelationship] = []

    mutating func startElement(_ tag: XMLTag) throws {
        guard tag.isLocal("Relationship") else { return }
        guard let id = try tag.attribute("Id"), let target = try tag.attribute("Target") else { return }
        relationships.append(XLSXRelationship(
            id: id, type: try tag.attribute("Type") ?? "", target: target,
            isExternal: try tag.attribute("TargetMode") == "External"))
    }

    mutating func endElement(_ name: XMLName) throws {}
    mutating func characters(_ raw: UnsafeBufferPointer<UInt8>, isCDATA: Bool) throws {}
}

/// Part names inside the package.
enum XLSXPartPath {
    /// Resolves a relationship target against the folder of its source part (`""` for the package itself).
    /// Absolute targets (`/xl/…`) start at the package root; `..`, `.` and percent-escapes are resolved.
    static func resolve(_ target: String, relativeTo sourcePart: String) -> String {
        let decodedTarget = target.removingPercentEncodingIfValid
        var segments: [Substring]
        if decodedTarget.hasPrefix("/") {
            segments = []
        } else {
            segments = sourcePart.split(separator: "/", omittingEmptySubsequences: true)
            if !segments.isEmpty { segments.removeLast() }
        }
        for segment in decodedTarget.split(separator: "/", omittingEmptySubsequences: true) {
            switch segment {
            case ".": continue
            case "..": if !segments.isEmpty { segments.removeLast() }
            default: segments.append(segment)
            }
        }
        return segments.joined(separator: "/")
    }

    /// `xl/workbook.xml` → `xl/_rels/workbook.xml.rels`.
    static func relationshipsPart(of part: String) -> String {
        var segments = part.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        guard let fileName = segments.popLast() else { return "_rels/.rels" }
        return (segments + ["_rels", fileName + ".rels"]).joined(separator: "/")
    }
}

extension String {
    /// Percent-decoding without Foundation; the text is kept as is when an escape is malformed.
    fileprivate var removingPercentEncodingIfValid: String {
        guard contains("%") else { return self }
        var bytes: [UInt8] = []
        var iterator = utf8.makeIterator()
        while let byte = iterator.next() {
            guard byte == UInt8(ascii: "%") else {
                bytes.append(byte)
                continue
            }
            guard let high = iterator.next().flatMap(XMLText.hexValue),
                  let low = iterator.next().flatMap(XMLText.hexValue) else { return self }
            bytes.append(high << 4 | low)
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
