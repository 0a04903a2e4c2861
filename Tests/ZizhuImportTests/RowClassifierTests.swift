import Testing
@testable import ZizhuImport

@Suite struct RowClassifierTests {
    // Layout: 序号, 姓名, 身份证号, 金额
    @Test(arguments: [
        (["1", "张三", "370112201005121238", "1150"], RowClassifier.Kind.student),
        (["", "", "", ""], .blank),
        (["5", "", "", ""], .blank),                                   // pre-numbered template row
        (["合计", "", "", "4600"], .trailer),
        (["合計", "48人", "", "4600"], .trailer),
        (["", "", "", "共 4 人"], .trailer),
        (["制表人：李老师", "", "审核人：王主任", ""], .trailer),
        (["填表日期：2026年9月10日", "", "", ""], .trailer),
        (["备注：本表一式三份", "", "", ""], .trailer),
        (["注：金额单位为元", "", "", ""], .trailer),
        (["序号", "姓名", "身份证号", "金额"], .repeatedHeader),
        (["", "张三", "", ""], .student),                               // a name alone is a student
        (["", "", "370112201005121238", ""], .student),
        (["3", "", "", "1150"], .student),                              // two cells without name: returned, not lost
        (["", "备注", "370112201005121238", ""], .student),             // a keyword in a student row
    ])
    func classifies(cells: [String], kind: RowClassifier.Kind) {
        #expect(RowClassifier.classify(cells, nameColumn: 1, idColumn: 2) == kind)
    }

    /// The classifier rejects a cell starting with ASCII before looking at the keywords.
    @Test func everyKeywordStartsWithAChineseCharacter() {
        #expect(RowClassifier.trailerWords.allSatisfy { ($0.utf8.first ?? 0) >= 0x80 })
    }
}
