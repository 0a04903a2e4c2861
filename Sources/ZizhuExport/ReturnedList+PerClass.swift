import ZizhuCore

extension ReturnedList {
    /// One class's returned rows, as its own workbook for its class teacher.
    public struct ClassFile: Sendable, Equatable {
        /// `高一(1)班`, as the lists name the class.
        public let className: String
        /// `退回清单-高一(1)班.xlsx`.
        public let fileName: String
        public let rows: Int
    }

    /// A 退回清单 per class into `directory` (made when missing; each file written atomically), for a clerk who
    /// sends each teacher only their own class; the classes in the lists' order. A round with nothing returned writes none.
    public static func writePerClass(_ result: RoundResult, toDirectory directory: String,
                                     temporaryDirectory: String? = nil) throws -> [ClassFile] {
        let order = RosterOrder.returned(result)
        if !order.groups.isEmpty, let code = RoundWriter.makeFolders(directory) {
            throw ExportError.file(path: directory, reason: "无法创建输出文件夹：\(SystemErrorText.describe(code))")
        }
        var used: [String: Int] = [:]
        var files: [ClassFile] = []
        for group in order.groups {
            let members = Set(order.rows[group.rows])
            let classOrder = order.filtered { members.contains($0) }
            let base = "退回清单-" + fileNameSafe(group.label)
            let count = (used[base] ?? 0) + 1
            used[base] = count
            let name = base + (count == 1 ? "" : "(\(count))") + ".xlsx"
            try AtomicFile.write(to: directory + "/" + name) { temporary in
                _ = try write(result, order: classOrder, toPath: temporary, temporaryDirectory: temporaryDirectory)
            }
            files.append(ClassFile(className: group.label, fileName: name, rows: group.rows.count))
        }
        return files
    }

    /// A class label as part of a file name: no path separators, no characters Windows refuses.
    static func fileNameSafe(_ label: String) -> String {
        let refused: Set<Character> = ["/", "\\", ":", "*", "?", "\"", "<", ">", "|"]
        let cleaned = String(label.map { refused.contains($0) || $0.isNewline ? "_" : $0 })
        return cleaned.isEmpty ? "未填班级" : cleaned
    }
}
