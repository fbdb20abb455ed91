import ArgumentParser
import CitywideCommands
import CJemalloc // the program's allocator (see Package.swift)

// The process ends when its command does: a build's objects are left for
// the operating system to take back (ProcessEnd).
ProcessEnd.followsCommand = true
CitywideCommand.main()
