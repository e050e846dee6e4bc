"""`python -m kroniek` runs the command line."""

from kroniek.cli import main

main()
