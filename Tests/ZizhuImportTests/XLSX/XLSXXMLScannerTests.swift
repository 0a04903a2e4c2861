import Testing
@testable import ZizhuImport

/// The incremental XML tokenizer behind every part.
@Suite struct XLSXXMLScannerTests {
    /// Records events as readable strings.
    struct Recorder: XMLEventHandler {
        var events: [String] = []

        mutating func startElement(_ tag: XMLTag) throws {
            var attributes: [String] = []
            try tag.forEachAttribute { name, raw in
                attributes.append(String(decoding: name.bytes, as: UTF8.self) + "=" + (try XMLText.decodeString(raw)))
            }
            let name = String(decoding: tag.name.localName, as: UTF8.self)
            events.append("<" + ([name] + attributes).joined(separator: " ") + ">")
        }

        mutating func endElement(_ name: XMLName) throws {
            events.append("</" + String(decoding: name.localName, as: UTF8.self) + ">")
        }

        mutating func characters(_ raw: UnsafeBufferPointer<UInt8>, isCDATA: Bool) throws {
            var bytes: [UInt8] = []
            try XMLText.decode(raw, isCDATA: isCDATA, appendingTo: &bytes)
            let text = String(decoding: bytes, as: UTF8.self)
            guard !text.allSatisfy(\.isWhitespace) else { return }
            // Adjacent runs (text, then CDATA) are one text node.
            if let last = events.last, last.hasPrefix("\"") {
                events[events.count - 1] = String(last.dropLast()) + text + "\""
            } else {
                events.append("\"" + text + "\"")
            }
        }
    }

    /// Feeds `xml` in pieces of `chunkSize` bytes.
    private func scan(_ xml: String, chunkSize: Int = .max, maxTokenBytes: Int = 1 << 20) throws -> [String] {
        var scanner = XMLScanner(maxTokenBytes: maxTokenBytes)
        var recorder = Recorder()
        let bytes = Array(xml.utf8)
        var start = 0
        while start < bytes.count {
            let end = min(bytes.count, start + chunkSize)
            try bytes[start..<end].withUnsafeBytes { try scanner.feed($0, into: &recorder) }
            start = end
        }
        try scanner.finish(into: &recorder)
        return recorder.events
    }

    static let sample = """
        \u{FEFF}<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <!-- a comment with <tags> -->
        <x:sst xmlns:x="urn:x" count='2'><x:si><x:t xml:space="preserve">张三 &amp; 李四</x:t></x:si>\
        <x:si a="1>2"><x:t>&lt;&#20013;&#x56FD;&gt;&quot;&apos;</x:t><![CDATA[<raw & text>]]></x:si><x:e/></x:sst>
        """

    static let sampleEvents = [
        "<sst xmlns:x=urn:x count=2>", "<si>", "<t xml:space=preserve>", "\"张三 & 李四\"", "</t>", "</si>",
        "<si a=1>2>", "<t>", "\"<中国>\"'\"", "</t>", "\"<raw & text>\"", "</si>", "<e>", "</e>", "</sst>",
    ]

    @Test func tokenizesElementsAttributesTextAndEscapes() throws {
        #expect(try scan(Self.sample) == Self.sampleEvents)
    }

    @Test func anySplitOfTheInputGivesTheSameEvents() throws {
        for chunkSize in 1...40 {
            #expect(try scan(Self.sample, chunkSize: chunkSize) == Self.sampleEvents, "chunk \(chunkSize)")
        }
    }

    @Test func lineEndsAreNormalised() throws {
        #expect(try scan("<a>1\r\n2\r3\n4</a>") == ["<a>", "\"1\n2\n3\n4\"", "</a>"])
    }

    @Test(arguments: [
        "<!DOCTYPE a [<!ENTITY x \"y\">]><a>&x;</a>",
        "<?xml version=\"1.0\"?>\n<!DOCTYPE a SYSTEM \"http://example.com/a.dtd\"><a/>",
        "<a><!ENTITY x \"y\"></a>",
    ])
    func declarationsAreRefused(xml: String) {
        for chunkSize in [1, 3, 1000] {
            #expect(throws: XMLDoctypeRefused.self) { try scan(xml, chunkSize: chunkSize) }
        }
    }

    @Test(arguments: [
        ("<a><b></a>", "开始和结束标签不配对"),
        ("<a></a></b>", "多余的结束标签"),
        ("<a>", "文件不完整，在中途结束"),
        ("<a><b x=\"1\"", "文件不完整，在中途结束"),
        ("", "文件不完整，在中途结束"),
        ("<a>&lol;</a>", "未声明的实体引用"),
        ("<a>&#0;</a>", "字符引用超出范围"),
        ("<a>&#xD800;</a>", "字符引用超出范围"),
        ("<a>&#x110000;</a>", "字符引用超出范围"),
        ("<a>& b</a>", "字符引用格式错误"),
        ("<a/><b/>", "根元素之后还有内容"),
        ("text<a/>", "根元素之外有文字"),
        ("<a x=1/>", "属性值缺少引号"),
        ("<a <b/></a>", "标签没有结束"),
        ("<1a/>", "标签名无效"),
        ("<a><!foo></a>", "无法识别的 <! 标记"),
    ])
    func malformedInputIsASyntaxError(xml: String, reason: String) {
        let error = #expect(throws: XMLSyntaxError.self) {
            // Attributes and text are decoded only when a handler asks, as the recorder does.
            _ = try scan(xml)
        }
        #expect(error?.reason == reason)
    }

    @Test func syntaxErrorsCarryTheLine() {
        let error = #expect(throws: XMLSyntaxError.self) { try scan("<a>\n<b>\n\n</c></a>", chunkSize: 2) }
        #expect(error?.line == 4)
    }

    @Test func tokenLongerThanTheLimitIsRefused() {
        let xml = "<a>" + String(repeating: "x", count: 10_000) + "</a>"
        #expect(throws: XMLTokenTooLarge.self) { try scan(xml, chunkSize: 1000, maxTokenBytes: 4096) }
        #expect(throws: Never.self) { try scan(xml, chunkSize: 1000, maxTokenBytes: 20_000) }
    }

    @Test func utf16PartsAreRefused() {
        let error = #expect(throws: XMLSyntaxError.self) {
            var scanner = XMLScanner()
            var recorder = Recorder()
            try [UInt8]([0xFF, 0xFE, 0x3C, 0x00]).withUnsafeBytes { try scanner.feed($0, into: &recorder) }
        }
        #expect(error?.reason == "不支持 UTF-16 编码的 XML")
    }

    @Test(arguments: [
        ("a_x000D_b", "a\rb"),
        ("_x0009_", "\t"),
        ("a_x005F_x0041_b", "a_x0041_b"),
        ("_xD83D__xDE00_", "😀"),
        ("_xD83D_", "_xD83D_"),
        ("_x00G1_", "_x00G1_"),
        ("_x41_", "_x41_"),
        ("plain_text_x", "plain_text_x"),
        ("张_x000A_三", "张\n三"),
    ])
    func officeEscapes(escaped: String, expected: String) {
        #expect(XMLText.unescapeOfficeString(Array(escaped.utf8)) == expected)
    }
}
