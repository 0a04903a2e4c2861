extension MessageCatalog {
    static let importEntries: [FindingCode: MessageTemplate] = [
        .encodingUnreadable: MessageTemplate(
            zh: "文件无法按 UTF-8、UTF-16 或 GB18030（GBK）解码：{detail}",
            en: "The file cannot be decoded as UTF-8, UTF-16 or GB18030 (GBK): {detail}",
            fixZh: "请用 Excel/WPS 打开后“另存为” CSV UTF-8 或 .xlsx 再提交；若确知编码，可用 --encoding 指定。",
            fixEn: "Open it in Excel/WPS and save as CSV UTF-8 or .xlsx; if you know the encoding, pass --encoding."),
        .encodingGuessed: MessageTemplate(
            zh: "文件没有编码标记，按 {encoding} 读取。",
            en: "The file has no byte-order mark; it was read as {encoding}.",
            fixZh: "若中文显示为乱码，请用 --encoding 指定编码，或另存为 CSV UTF-8。",
            fixEn: "If Chinese text looks garbled, pass --encoding or save the file as CSV UTF-8."),
        .headerNotFound: MessageTemplate(
            zh: "在前 {scanned} 行中找不到表头（需要一行同时含有“姓名”和“身份证号”列）。",
            en: "No header found in the first {scanned} rows (a row holding both 姓名 and an ID column).",
            fixZh: "请确认表格有“姓名”“身份证号”等列名所在的表头行，且位于数据之上。",
            fixEn: "Make sure the sheet has a header row naming 姓名 and 身份证号 above the data."),
        .columnMissing: MessageTemplate(
            zh: "表头中缺少必需的列“{field}”。",
            en: "The header lacks the required column “{field}”.",
            fixZh: "请在表头中加入“{field}”列（也可写作：{synonyms}）。",
            fixEn: "Add a “{field}” column to the header (also accepted: {synonyms})."),
        .rowShape: MessageTemplate(
            zh: "本行有 {cells} 个单元格，多于表头的 {columns} 列；多出的内容：{extra}",
            en: "This row has {cells} cells, more than the header's {columns} columns; the extra text: {extra}",
            fixZh: "请检查本行是否多了逗号或错位，改正后重新提交。",
            fixEn: "Check the row for a stray delimiter or shifted cells and resubmit."),
        .valueNormalized: MessageTemplate(
            zh: "“{field}”已规范化：{change}",
            en: "“{field}” was normalised: {change}",
            fixZh: "无需处理；如需保持一致，可在原表中改为规范写法。",
            fixEn: "Nothing to do; fix the sheet if you want it to match."),
        .valueExcelMangled: MessageTemplate(
            zh: "“{field}”被 Excel 当作数字保存（{value}），第 15 位以后的数字已丢失，无法恢复。",
            en: "“{field}” was stored by Excel as a number ({value}); every digit after the 15th is lost and cannot be recovered.",
            fixZh: "请把该列单元格格式设为“文本”，重新录入完整号码后再提交。",
            fixEn: "Set the column's cell format to Text, retype the full number and resubmit."),
    ]
}
