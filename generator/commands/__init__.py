"""One module per CLI command; each defines NAME, HELP, add_arguments() and run()."""
