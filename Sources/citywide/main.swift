import ArgumentParser
import CitywideCommands
import CJemalloc // the program's allocator (see Package.swift)

CitywideCommand.main()
