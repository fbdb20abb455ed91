import CitywideCommands

CitywideCommand.main()
