// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "zizhu",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "zizhu", targets: ["zizhu"]),
        .library(name: "ZizhuCore", targets: ["ZizhuCore"]),
        .library(name: "ZizhuImport", targets: ["ZizhuImport"]),
        .library(name: "ZizhuExport", targets: ["ZizhuExport"]),
        .library(name: "ZizhuRound", targets: ["ZizhuRound"]),
    ],
    // `PostgreSQL`: the district archive on a PostgreSQL server (postgres-nio). On by default; the
    // AddressSanitizer pass of `make test` builds without it (`--disable-default-traits`): that pass is for the
    // C libraries behind the readers and writers, and the PostgreSQL engine is pure Swift tested in the normal pass.
    traits: [
        .trait(name: "PostgreSQL", description: "The archive on a PostgreSQL server (--archive postgres://…)."),
        .default(enabledTraits: ["PostgreSQL"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        // zizhu serve: the HTTP server, bcrypt for the password, multipart uploads streamed to disk.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", from: "2.5.0"),
        .package(url: "https://github.com/vapor/multipart-kit", from: "4.7.1"),
        // The district archive on PostgreSQL.
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
    ],
    targets: [
        // C libraries from Debian (libcsv-dev, libxlsxwriter-dev); see Makefile `deps`.
        .systemLibrary(name: "CLibCSV", providers: [.apt(["libcsv-dev"])]),
        .systemLibrary(name: "CXLSXWriter", providers: [.apt(["libxlsxwriter-dev"])]),
        .systemLibrary(name: "CMalloc"),  // glibc's malloc.h: giving freed memory back (malloc_trim)

        // Pure Swift: model, policy, findings, rules. No C, no I/O.
        .target(name: "ZizhuCore", resources: [.copy("Resources/bank-bins.tsv")]),
        // Reading rosters: decoding, libcsv, header location, normalisation; policy files.
        .target(name: "ZizhuImport", dependencies: [
            "ZizhuCore", "CLibCSV",
            .product(name: "Yams", package: "Yams"),
            .product(name: "ZIPFoundation", package: "ZIPFoundation"),
        ]),
        // Domain-free wrapper over libxlsxwriter.
        .target(name: "ZizhuXLSX", dependencies: ["CXLSXWriter"]),
        // The documents of a round, and the district's 汇总表 and 通报 from its store of rounds.
        .target(name: "ZizhuExport", dependencies: ["ZizhuCore", "ZizhuXLSX", "ZizhuImport", "ZizhuArchive", "CMalloc"],
                resources: [.copy("Resources/BankTemplates")]),
        // The archive of paid batches — SQLite through GRDB, or PostgreSQL through postgres-nio: repeat aid and
        // 双学籍 across terms and schools.
        .target(name: "ZizhuArchive", dependencies: [
            "ZizhuCore", .product(name: "GRDB", package: "GRDB.swift"),
            .product(name: "PostgresNIO", package: "postgres-nio", condition: .when(traits: ["PostgreSQL"])),
        ]),
        // One round end to end as a library call (the CLI and the server): inputs → decided round → documents.
        .target(name: "ZizhuRound", dependencies: ["ZizhuCore", "ZizhuImport", "ZizhuExport", "ZizhuArchive"]),
        // `zizhu serve`: pages, the JSON API, sessions and the store of rounds; rounds go through ZizhuRound only.
        .target(name: "ZizhuServer", dependencies: [
            "ZizhuRound", "ZizhuArchive",
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
            .product(name: "MultipartKit", package: "multipart-kit"),
            .product(name: "GRDB", package: "GRDB.swift"),
        ]),
        // Synthetic class sheets with planted anomalies.
        .target(name: "ZizhuGenerate", dependencies: ["ZizhuCore", "ZizhuImport"]),
        .executableTarget(name: "zizhu", dependencies: [
            "ZizhuCore", "ZizhuImport", "ZizhuExport", "ZizhuGenerate", "ZizhuArchive", "ZizhuRound", "ZizhuServer",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .target(name: "ZizhuTestSupport", dependencies: ["ZizhuCore", "ZizhuImport"],
                path: "Tests/ZizhuTestSupport"),

        .testTarget(name: "ZizhuCoreTests", dependencies: ["ZizhuCore", "ZizhuTestSupport"]),
        .testTarget(name: "ZizhuImportTests", dependencies: ["ZizhuImport", "ZizhuTestSupport"]),
        .testTarget(name: "ZizhuXLSXTests", dependencies: ["ZizhuXLSX", "ZizhuTestSupport"]),
        .testTarget(name: "ZizhuExportTests", dependencies: ["ZizhuExport", "ZizhuTestSupport"]),
        .testTarget(name: "ZizhuArchiveTests", dependencies: ["ZizhuArchive", "ZizhuTestSupport"]),
        .testTarget(name: "ZizhuRoundTests", dependencies: ["ZizhuRound", "ZizhuGenerate", "ZizhuTestSupport"]),
        .testTarget(name: "ZizhuServerTests", dependencies: [
            "ZizhuServer", "ZizhuArchive", "ZizhuRound", "ZizhuTestSupport",
            .product(name: "Hummingbird", package: "hummingbird"),
        ]),
        .testTarget(name: "ZizhuGenerateTests", dependencies: ["ZizhuGenerate", "ZizhuTestSupport"]),
        // The CLI tests also run the library pipeline and ZizhuGenerate in process (conservation, privacy).
        .testTarget(name: "ZizhuCLITests", dependencies: [
            "ZizhuTestSupport", "ZizhuCore", "ZizhuImport", "ZizhuGenerate", "ZizhuArchive",
        ]),
    ]
)
