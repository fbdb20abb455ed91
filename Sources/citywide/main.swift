import ArgumentParser
import CitywideCommands

CitywideCommand.main()
