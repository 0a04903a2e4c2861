// swift-tools-version:6.0
// libFuzzer targets for the roster readers (issue 7). A package of its own, so the main package's
// `swift build` and `swift test` never see the fuzzer flags. Build and run with `make fuzz` from the root:
//   swift build -c release -Xswiftc -sanitize=fuzzer,address   (in this folder)
import Foundation
import PackageDescription

// A path dependency's identity is its folder's name, which differs between checkouts (main, a worktree, CI's
// clone): read it rather than spell it.
let zizhu = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().lastPathComponent

// SwiftPM links an executable target with `main` aliased to `<Target>_main`, which hides libFuzzer's own main:
// each target defines `<Target>_main` and starts libFuzzer through `LLVMFuzzerRunDriver`.
let asLibrary: [SwiftSetting] = [.unsafeFlags(["-parse-as-library"])]

let package = Package(
    name: "zizhu-fuzz",
    dependencies: [.package(path: "..")],
    targets: [
        .systemLibrary(name: "CFuzzerDriver"),
        .target(name: "FuzzSupport", dependencies: [
            "CFuzzerDriver",
            .product(name: "ZizhuCore", package: zizhu), .product(name: "ZizhuImport", package: zizhu),
        ]),
        .executableTarget(name: "FuzzRosterCSV", dependencies: ["FuzzSupport"], swiftSettings: asLibrary),
        .executableTarget(name: "FuzzRosterXLSX", dependencies: ["FuzzSupport"], swiftSettings: asLibrary),
    ]
)
