import Testing
import ZizhuCore
@testable import ZizhuImport

/// The columns each purpose requires: `check` needs 姓名 and 身份证号; the documents also need 班级/年级,
/// 资助金额, 银行卡号, 开户行 and 持卡人, and return every row of a file without them.
@Suite struct ImportPurposeTests {
    let bare = Array("姓名,身份证号,资助金额\n张三,11010519491231002X,1500\n李四,440524188001010014,1150\n".utf8)
    let full = Array("姓名,身份证号,班级,资助金额,银行卡号,开户行,户名\n张三,11010519491231002X,1班,1500,6228480000000000000,农行,张三\n".utf8)

    @Test func checkRequiresTheIdentityOnly() throws {
        let read = try readBytes(bare)
        #expect(read.applicants.count == 2)
        #expect(read.findings.filter { $0.code == .columnMissing }.isEmpty)
    }

    @Test func documentsRequireClassAmountAndBankColumns() throws {
        let read = try readBytes(bare, options: ImportOptions(purpose: .documents))
        #expect(read.applicants.count == 2, "rows are kept, never dropped")
        let missing = read.findings.filter { $0.code == .columnMissing }
        let fileLevel = missing.filter { $0.row == nil }
        #expect(fileLevel.map(\.field) == ["班级", "银行卡号", "开户行", "持卡人"])
        #expect(fileLevel.allSatisfy { $0.severity == .error })
        #expect(fileLevel[0].arguments["synonyms"]?.contains("年级") == true, "a 年级 column would do")
        #expect(fileLevel[3].arguments["synonyms"]?.contains("户名") == true)
        // Every row carries the reason, so every row is returned.
        for row in read.applicants.map(\.index) {
            #expect(missing.filter { $0.row == row }.map(\.field) == ["班级", "银行卡号", "开户行", "持卡人"])
        }
    }

    /// Without 身份证号 no row can be accepted, whatever the purpose: each is returned, saying why.
    @Test func aFileWithoutTheIDColumnReturnsEveryRow() throws {
        let noID = Array("姓名,班级,资助金额\n张三,1班,1500\n李四,1班,1150\n".utf8)
        let read = try readBytes(noID)
        #expect(read.applicants.count == 2)
        let missing = read.findings.filter { $0.code == .columnMissing }
        #expect(missing.map(\.row) == [nil, 0, 1])
        #expect(missing.allSatisfy { $0.field == "身份证号" && $0.severity == .error })
        let message = MessageCatalog.message(for: missing[0], language: .zh, showValues: true)
        #expect(message.contains("缺少必需的列“身份证号”") && message.contains("各行均退回"))
    }

    @Test func theMessageSaysWhyAndNamesEveryAcceptedColumn() throws {
        let read = try readBytes(bare, options: ImportOptions(purpose: .documents))
        let classColumn = try #require(read.findings.first { $0.code == .columnMissing && $0.row == nil })
        #expect(MessageCatalog.message(for: classColumn, language: .zh, showValues: true)
            == "“roster.csv”的表头中缺少必需的列“班级”或“年级”：花名册和公示名单按班级排列、小计，本文件各行均退回。")
        #expect(MessageCatalog.fix(for: classColumn, language: .zh, showValues: true).contains("年级"))
    }

    @Test func aCompleteHeaderPassesForDocuments() throws {
        let read = try readBytes(full, options: ImportOptions(purpose: .documents))
        #expect(read.findings.filter { $0.code == .columnMissing }.isEmpty)
    }

    @Test func requiredColumnsAreData() {
        #expect(ImportPurpose.check.requiredColumns == [[.name], [.idNumber]])
        #expect(ImportPurpose.documents.requiredColumns.count == 7)
    }
}
