import Testing
@testable import ZizhuImport

@Suite struct DelimiterDetectorTests {
    @Test(arguments: [
        ("序号,姓名,身份证号\r\n1,张三,1\r\n", CSVDelimiter.comma),
        ("序号\t姓名\t身份证号\t住址\r\n1\t张三\t1\t济南市,历城区\r\n", .tab),
        ("序号;姓名;身份证号\n1;张三;1\n", .semicolon),
        ("序号，姓名，身份证号\n1，张三，1\n", .fullWidthComma),
        // A title with commas of its own above a full-width-comma header: the header line decides.
        ("名单,2026,秋季\n序号，姓名，身份证号，住址\n1，张三，1，济南市,历城区\n", .fullWidthComma),
        // Commas inside quotes do not count.
        ("\"a,b,c,d\"\t姓名\tx\n", .tab),
        // No header in sight: the delimiter that splits lines evenly.
        ("a;b;c\n1;2;3\n4;5;6\n", .semicolon),
        ("", .comma),
    ])
    func detects(text: String, expected: CSVDelimiter) {
        let found = Array(text.utf8).withUnsafeBytes { DelimiterDetector.detect($0) }
        #expect(found == expected)
    }
}
