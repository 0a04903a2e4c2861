import Foundation

/// Locates test data from this source file's path, so tests find it from any working directory and in any
/// checkout folder: `Tests/Fixtures` in the package, and `shared/testdata` beside the package folder.
public enum Fixtures {
    /// The package root: two levels above `Tests/ZizhuTestSupport/Fixtures.swift`.
    public static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()
        .deletingLastPathComponent()
        .deletingLastPathComponent()

    /// `Tests/Fixtures`.
    public static let root: URL = packageRoot.appendingPathComponent("Tests/Fixtures")

    /// A fixture path, e.g. `Fixtures.path("import/gbk_title.csv")`.
    public static func path(_ relative: String) -> String {
        root.appendingPathComponent(relative).path
    }

    /// `shared/testdata` beside the package folder (CI clones the repo with `shared/` next to it).
    public static let sharedTestData: URL = packageRoot.deletingLastPathComponent()
        .appendingPathComponent("shared/testdata")

    public static func exists(_ path: String) -> Bool {
        FileManager.default.fileExists(atPath: path)
    }

    /// A fresh temporary folder for one test; remove it with `FileManager.default.removeItem`.
    public static func temporaryFolder(_ label: String = "zizhu") throws -> URL {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("\(label)-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }
}
