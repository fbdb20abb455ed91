// swift-tools-version:6.0
import PackageDescription

/// Member lookup must not cross an import a file does not write
/// (SE-0444), so the import lines are the whole truth about dependencies.
let strict: [SwiftSetting] = [.enableUpcomingFeature("MemberImportVisibility")]

/// The pipeline and every target it re-exports. Targets that use them list
/// them all: a target reached only through `@_exported import` is not
/// rebuilt when a lower target's types change, and a stale binary crashes.
let generator: [Target.Dependency] = [
    "CitywideCore", "CitywideModel", "CitywideInput", "CitywidePublished", "CitywidePublish", "CitywideRender", "CitywideWrite",
]

let package = Package(
    name: "Citywide",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "citywide", targets: ["citywide"]),
        .library(name: "CitywideCore", targets: ["CitywideCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/swhitty/FlyingFox", from: "0.27.1"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        .package(url: "https://github.com/CoreOffice/XMLCoder", from: "0.18.2"),
    ],
    targets: [
        // libcmark-gfm from Debian (libcmark-gfm-dev, libcmark-gfm-extensions-dev).
        .systemLibrary(
            name: "CCmarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        // COIN-OR CBC from Debian (coinor-libcbc-dev; EPL-1.0 in Debian 12, EPL-2.0 upstream): the integer
        // programming solver the disclosure auditor bounds withheld cells with.
        .systemLibrary(
            name: "CCbc",
            pkgConfig: "cbc",
            providers: [.apt(["coinor-libcbc-dev"])]
        ),
        // jemalloc from Debian (libjemalloc-dev, BSD-2-Clause): the allocator of
        // the `citywide` program. A build makes millions of short-lived
        // allocations on both cores; glibc's malloc took about a tenth of the
        // CPU of a 10,000-city build, and jemalloc cuts the program's user
        // time by about a fifth at the same peak memory (docs/performance.md).
        // Only the executables link it, so tests and fuzzing (ASan) keep glibc's.
        .systemLibrary(
            name: "CJemalloc",
            pkgConfig: "jemalloc",
            providers: [.apt(["libjemalloc-dev"])]
        ),
        // LAPACK's error handler `xerbla_` in C, so that a static link of CBC
        // (tools/release) needs no libgfortran. Linked wherever CCbc is.
        .target(name: "CLapackErrorHandler"),
        // The generator is split so that the privacy boundary is a build
        // error: only Input owns raw observations; Publish imports Input
        // `internal`ly and exports only published figures; Render never
        // depends on Input. docs/architecture.md has the picture.
        // Site, definitions, periods, diagnostics: no observed values.
        .target(
            name: "CitywideModel",
            dependencies: ["CCmarkGFM", .product(name: "Mustache", package: "swift-mustache")],
            swiftSettings: strict
        ),
        // Load and validate: the only owner of raw observations.
        .target(
            name: "CitywideInput",
            dependencies: [
                "CitywideModel",
                "CCmarkGFM",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Mustache", package: "swift-mustache"),
            ],
            resources: [.embedInCode("BuiltinSite")],
            swiftSettings: strict
        ),
        // Published figures, progress and the privacy ledger: what Publish
        // exports and Render reads. It cannot see Input, so Render, which
        // depends on it and not on Publish, has no path to a raw value.
        .target(name: "CitywidePublished", dependencies: ["CitywideModel"], swiftSettings: strict),
        // The privacy rules: raw observations in, published figures out.
        .target(
            name: "CitywidePublish",
            dependencies: ["CitywideModel", "CitywideInput", "CitywidePublished", "CCbc", "CLapackErrorHandler"],
            swiftSettings: strict
        ),
        // Where a build's files go: a staging folder swapped in whole, or memory.
        .target(name: "CitywideWrite", dependencies: ["CitywideModel"], swiftSettings: strict),
        // Pages, charts, downloads, feed, sitemap: from published figures only.
        .target(
            name: "CitywideRender",
            dependencies: [
                "CitywideModel",
                "CitywidePublished",
                "CitywideWrite",
                "CCmarkGFM",
                .product(name: "Mustache", package: "swift-mustache"),
            ],
            swiftSettings: strict
        ),
        // The pipeline that joins the stages, and what the command line needs.
        .target(
            name: "CitywideCore",
            dependencies: ["CitywideModel", "CitywideInput", "CitywidePublished", "CitywidePublish", "CitywideRender", "CitywideWrite"],
            swiftSettings: strict
        ),
        // `citywide serve`: in-memory builds, the preview server (FlyingFox),
        // the file watcher and live reload. FlyingFox stays out of CitywideCore.
        .target(
            name: "CitywideServe",
            dependencies: generator + [
                .product(name: "FlyingFox", package: "FlyingFox"),
            ],
            swiftSettings: strict
        ),
        // `citywide import`: Open SDG files and spreadsheets (.csv, .xlsx) into
        // Data/ and Metrics/. A converter of input files, outside the pipeline:
        // nothing the build runs depends on it. ZIPFoundation and XMLCoder read .xlsx.
        .target(
            name: "CitywideImport",
            dependencies: [
                "CitywideModel",
                "CitywideInput",
                .product(name: "Yams", package: "Yams"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                .product(name: "XMLCoder", package: "XMLCoder"),
            ],
            swiftSettings: strict
        ),
        // The command line as a library, so every command is testable.
        .target(
            name: "CitywideCommands",
            dependencies: generator + [
                "CitywideServe",
                "CitywideImport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strict
        ),
        .executableTarget(
            name: "citywide",
            dependencies: ["CitywideCommands", "CJemalloc", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            swiftSettings: strict
        ),
        // Benchmarks: writes synthetic sites of any size and times each stage.
        .executableTarget(name: "citywide-bench", dependencies: generator + ["CJemalloc"], swiftSettings: strict),
        // Fuzz targets for libFuzzer; `tools/fuzz` builds them with sanitizers.
        .executableTarget(name: "citywide-fuzz", dependencies: generator + ["CitywideImport"], swiftSettings: strict),
        .testTarget(
            name: "CitywideCoreTests",
            dependencies: generator,
            swiftSettings: strict
        ),
        .testTarget(
            name: "CitywideCommandsTests",
            // Yams: the workflow test parses `init --with-workflow`'s YAML as YAML.
            // ZIPFoundation: the import tests write a small .xlsx.
            dependencies: generator + [
                "CitywideCommands",
                "CitywideImport",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                .product(name: "Yams", package: "Yams"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strict
        ),
        .testTarget(
            name: "CitywideServeTests",
            dependencies: generator + ["CitywideServe", "CitywideCommands", .product(name: "FlyingFox", package: "FlyingFox")],
            swiftSettings: strict
        ),
    ],
    swiftLanguageModes: [.v5]
)
