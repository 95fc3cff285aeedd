// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "WardPlans",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "WardPlanKit", targets: ["WardPlanKit"]),
        .executable(name: "wardplan", targets: ["wardplan"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
    ],
    targets: [
        // libxml2 from the system (Debian: libxml2-dev). See Sources/CLibXML2/shim.h for the ICU trap.
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"]), .brew(["libxml2"])]
        ),
        // SHA-256 with the x86-64 SHA instructions, which Swift cannot reach (Reading/SHA256.swift).
        .target(name: "CSHA256"),
        // The C allocator's heap growth, which Swift cannot set (glibc's mallopt is not imported).
        .target(name: "CAllocator"),
        // Two files swapped in one step (renameat2's RENAME_EXCHANGE), which Glibc does not import.
        .target(name: "CFileExchange"),
        .target(
            name: "WardPlanKit",
            dependencies: [
                "CLibXML2",
                "CSHA256",
                "CFileExchange",
                .product(name: "Yams", package: "Yams"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            // The repository's schema/ folder is a link to Resources/Schema: the published schemas are the
            // ones the writer validates against.
            resources: [.copy("Resources/Data"), .copy("Resources/Schema")]
        ),
        .executableTarget(
            name: "wardplan",
            dependencies: [
                "WardPlanKit",
                "CAllocator",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Classification throughput on the seeds (not a test): scripts/benchmark.sh.
        .executableTarget(
            name: "ClassifierBenchmark",
            dependencies: ["WardPlanKit"],
            path: "Benchmarks/ClassifierBenchmark"
        ),
        // The plan cache, cold and warm, on a folder of plans (not a test): docs/performance.md.
        .executableTarget(
            name: "CacheBenchmark",
            dependencies: ["WardPlanKit"],
            path: "Benchmarks/CacheBenchmark"
        ),
        .testTarget(
            name: "WardPlanKitTests",
            dependencies: ["WardPlanKit", .product(name: "ZIPFoundation", package: "ZIPFoundation")],
            // Fixtures and goldens live in Tests/Fixtures and Tests/Goldens and are found through
            // #filePath, so that re-recording a golden writes the file under version control.
            path: "Tests/WardPlanKitTests"
        ),
    ]
)
