import Foundation

/// Turns command-line inputs into the list of roster files to read.
public enum InputCollector {
    /// Extensions a folder contributes. `.xls` is included so that an old workbook in a class folder is
    /// reported (and the clerk told to re-save it) instead of silently left out of the round.
    static let rosterExtensions: Set<String> = ["csv", "txt", "xlsx", "xls"]

    /// Files as given; folders expand to their .csv, .txt, .xlsx (and .xls) files, sorted by name with
    /// numbers in natural order (高一(2)班 before 高一(10)班), skipping hidden files and Office `~$` lock files.
    /// Not recursive. A file named twice is read once.
    /// Throws ImportError when a path does not exist or a folder holds no roster files.
    public static func collect(_ arguments: [String]) throws(ImportError) -> [InputFile] {
        let fileManager = FileManager.default
        var paths: [String] = []
        for argument in arguments {
            var isFolder: ObjCBool = false
            guard fileManager.fileExists(atPath: argument, isDirectory: &isFolder) else {
                throw ImportError(file: argument, message: "找不到文件或文件夹“\(argument)”；请检查路径是否写对。")
            }
            guard isFolder.boolValue else {
                paths.append(argument)
                continue
            }
            let names: [String]
            do {
                names = try fileManager.contentsOfDirectory(atPath: argument)
            } catch {
                throw ImportError(file: argument, message: "无法列出文件夹“\(argument)”的内容；请检查读取权限。")
            }
            let rosters = names.filter(isRosterFileName).sorted(by: naturalOrder)
            let folder = argument.hasSuffix("/") ? String(argument.dropLast()) : argument
            let files = rosters.map { folder + "/" + $0 }.filter { path in
                var isSubfolder: ObjCBool = false
                return fileManager.fileExists(atPath: path, isDirectory: &isSubfolder) && !isSubfolder.boolValue
            }
            if files.isEmpty {
                throw ImportError(file: argument,
                                  message: "文件夹“\(argument)”里没有 .csv、.txt 或 .xlsx 花名册文件；请检查是否选错了文件夹。")
            }
            paths += files
        }

        var seen = Set<String>()
        let unique = paths.filter { seen.insert(URL(fileURLWithPath: $0).standardizedFileURL.path).inserted }
        return displayNames(for: unique)
    }

    static func isRosterFileName(_ name: String) -> Bool {
        guard !name.hasPrefix("."), !name.hasPrefix("~$"), let dot = name.lastIndex(of: ".") else { return false }
        return rosterExtensions.contains(name[name.index(after: dot)...].lowercased())
    }

    /// The file name, or the path as given when two inputs share a file name.
    static func displayNames(for paths: [String]) -> [InputFile] {
        let names = paths.map { URL(fileURLWithPath: $0).lastPathComponent }
        var counts: [String: Int] = [:]
        for name in names { counts[name, default: 0] += 1 }
        return zip(paths, names).map { path, name in
            InputFile(path: path, displayName: counts[name, default: 0] > 1 ? path : name)
        }
    }

    /// Compares names with runs of digits as numbers, so 2 sorts before 10.
    static func naturalOrder(_ a: String, _ b: String) -> Bool {
        let left = Array(a.unicodeScalars), right = Array(b.unicodeScalars)
        var i = 0, j = 0
        while i < left.count && j < right.count {
            if isDigit(left[i]) && isDigit(right[j]) {
                let startI = i, startJ = j
                while i < left.count && isDigit(left[i]) { i += 1 }
                while j < right.count && isDigit(right[j]) { j += 1 }
                let numberA = String(String.UnicodeScalarView(left[startI..<i]))
                let numberB = String(String.UnicodeScalarView(right[startJ..<j]))
                let trimmedA = numberA.drop { $0 == "0" }, trimmedB = numberB.drop { $0 == "0" }
                if trimmedA.count != trimmedB.count { return trimmedA.count < trimmedB.count }
                if trimmedA != trimmedB { return trimmedA < trimmedB }
                continue
            }
            if left[i] != right[j] { return left[i].value < right[j].value }
            i += 1
            j += 1
        }
        if left.count - i != right.count - j { return left.count - i < right.count - j }
        return a < b
    }

    private static func isDigit(_ scalar: Unicode.Scalar) -> Bool { scalar.value >= 0x30 && scalar.value <= 0x39 }
}
