extension MessageCatalog {
    /// Import messages. Import findings carry their variable parts in both languages: `detail` (zh) and
    /// `detailEn` (en) for encoding-unreadable and row-shape, `change`/`changeEn` for value-normalized, and
    /// `file` (the file's display name) for the file-level codes.
    static let importEntries: [FindingCode: MessageTemplate] = [
        .encodingUnreadable: MessageTemplate(
            zh: "“{file}”无法作为文本表格读取：{detail}。",
            en: "“{file}” cannot be read as a text sheet: {detailEn}.",
            fixZh: "请用 Excel/WPS 打开后“另存为”CSV UTF-8 或 .xlsx 再提交；若确知编码，可用 --encoding 指定。",
            fixEn: "Open it in Excel/WPS and save as CSV UTF-8 or .xlsx; if you know the encoding, pass --encoding."),
        .encodingGuessed: MessageTemplate(
            zh: "“{file}”没有编码标记，推断为 {encoding} 读取。",
            en: "“{file}” has no byte-order mark; it was read as {encoding}, a guess.",
            fixZh: "若中文显示为乱码，请用 --encoding 指定编码，或另存为 CSV UTF-8。",
            fixEn: "If Chinese text looks garbled, pass --encoding or save the file as CSV UTF-8."),
        .headerNotFound: MessageTemplate(
            zh: "“{file}”中找不到表头：已查看 {scanned} 个非空行，没有一行同时含有“姓名”和“身份证号”列。",
            en: "No header in “{file}”: none of the {scanned} non-empty rows looked at holds both 姓名 and an ID column.",
            fixZh: "请确认表格有“姓名”“身份证号”等列名所在的表头行，且位于数据之上、前 30 行之内。",
            fixEn: "Make sure the sheet has a header row naming 姓名 and 身份证号 above the data, within the first 30 rows."),
        .noDataRows: MessageTemplate(
            zh: "“{file}”只有表头（第 {headerLine} 行），下面没有一行学生数据。",
            en: "“{file}” has a header (line {headerLine}) and not one row of students under it.",
            fixZh: "请确认提交的是填好的名单而不是空白模板；本班没有申请人时，不要把这个文件放进输入。",
            fixEn: "Make sure the filled-in roster was sent, not the blank template; leave the file out if the class has no applicants."),
        .columnMissing: MessageTemplate(
            zh: "“{file}”的表头中缺少必需的列“{columns}”：{reason}，本文件各行均退回。",
            en: "The header of “{file}” lacks the required column “{columnsEn}”: {reasonEn}; every row of the file is returned.",
            fixZh: "请在表头中加入“{field}”列并填写各行（也可写作：{synonyms}），然后重新提交。",
            fixEn: "Add a “{field}” column to the header and fill it in (also accepted: {synonyms}), then resubmit."),
        .rowShape: MessageTemplate(
            zh: "{detail}。",
            en: "{detailEn}.",
            fixZh: "请在原表中改正这一行：删除多余的分隔符，把错位的内容移回原列；单元格里要写英文双引号时，请把整格用双引号括起并把其中的引号写两遍（\"\"），或改用中文引号“”。改好后重新提交。",
            fixEn: "Fix the row in the sheet: remove the stray delimiter, move shifted cells back; to keep a double quote inside a cell, quote the whole cell and double the quote (\"\"), or use Chinese quotes. Then resubmit."),
        .valueNormalized: MessageTemplate(
            zh: "“{field}”已规范化：{change}。",
            en: "“{field}” was normalised: {changeEn}.",
            fixZh: "无需处理；如需保持一致，可在原表中改为规范写法。",
            fixEn: "Nothing to do; fix the sheet if you want it to match."),
        .valueExcelMangled: MessageTemplate(
            zh: "“{field}”被 Excel 当作数字保存（{value}），第 15 位以后的数字已丢失，无法恢复。",
            en: "“{field}” was stored by Excel as a number ({value}); every digit after the 15th is lost and cannot be recovered.",
            fixZh: "请把该列单元格格式设为“文本”，重新录入完整号码后再提交。",
            fixEn: "Set the column's cell format to Text, retype the full number and resubmit."),
    ]
}
