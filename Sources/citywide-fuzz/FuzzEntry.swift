// The libFuzzer entry point. Built only by `tools/fuzz`, which passes
// `-sanitize=fuzzer,address -DCITYWIDE_FUZZ`. SwiftPM links an executable's
// own `main` (it renames it for testability), so libFuzzer's `main` cannot
// be used: `main` here hands over to libFuzzer's driver, which calls
// `LLVMFuzzerTestOneInput` with each input. In ordinary builds (`swift
// build`, `swift test`) this target is a harmless program that says how to
// fuzz.

#if CITYWIDE_FUZZ
import Foundation

/// Which target runs: `tools/fuzz NAME` sets CITYWIDE_FUZZ_TARGET.
private let selected: FuzzTarget? = ProcessInfo.processInfo.environment["CITYWIDE_FUZZ_TARGET"].flatMap(FuzzTarget.init(rawValue:))

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let target = selected else {
        FileHandle.standardError.write(Data("set CITYWIDE_FUZZ_TARGET to one of: \(FuzzTarget.allCases.map(\.rawValue).joined(separator: ", "))\n".utf8))
        exit(2)
    }
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    target.run(bytes)
    return 0
}

/// libFuzzer's driver (in the runtime `-sanitize=fuzzer` links).
@_silgen_name("LLVMFuzzerRunDriver")
private func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<Int32>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt

@main
enum FuzzMain {
    static func main() {
        var argc = CommandLine.argc
        var argv = CommandLine.unsafeArgv
        exit(LLVMFuzzerRunDriver(&argc, &argv, fuzzOneInput))
    }
}
#else
@main
enum FuzzUsage {
    static func main() {
        print("citywide-fuzz: run it through tools/fuzz (tools/fuzz --list names the targets)")
    }
}
#endif
