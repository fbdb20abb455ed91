// swift-tools-version:6.0
import PackageDescription

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
        // LAPACK's error handler `xerbla_` in C, so that a static link of CBC
        // (tools/release) needs no libgfortran. Linked wherever CCbc is.
        .target(name: "CLapackErrorHandler"),
        // The whole generator: load, validate, analyze, render, write.
        .target(
            name: "CitywideCore",
            dependencies: [
                "CCmarkGFM",
                "CCbc",
                "CLapackErrorHandler",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Mustache", package: "swift-mustache"),
            ],
            resources: [.embedInCode("BuiltinSite")]
        ),
        // `citywide serve`: in-memory builds, the preview server (FlyingFox),
        // the file watcher and live reload. FlyingFox stays out of CitywideCore.
        .target(
            name: "CitywideServe",
            dependencies: [
                "CitywideCore",
                .product(name: "FlyingFox", package: "FlyingFox"),
            ]
        ),
        // The command line as a library, so every command is testable.
        .target(
            name: "CitywideCommands",
            dependencies: [
                "CitywideCore",
                "CitywideServe",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "citywide", dependencies: ["CitywideCommands"]),
        // Benchmarks: writes synthetic sites of any size and times each stage.
        .executableTarget(name: "citywide-bench", dependencies: ["CitywideCore"]),
        // Fuzz targets for libFuzzer; `tools/fuzz` builds them with sanitizers.
        .executableTarget(name: "citywide-fuzz", dependencies: ["CitywideCore"]),
        .testTarget(name: "CitywideCoreTests", dependencies: ["CitywideCore"]),
        .testTarget(
            name: "CitywideCommandsTests",
            // Yams: the workflow test parses `init --with-workflow`'s YAML as YAML.
            dependencies: ["CitywideCommands", "CitywideCore", .product(name: "Yams", package: "Yams")]
        ),
        .testTarget(name: "CitywideServeTests", dependencies: ["CitywideServe", "CitywideCommands", "CitywideCore"]),
    ],
    swiftLanguageModes: [.v5]
)
