"""`python -m extractor.cli`: the actionplan command."""

from extractor.cli.main import main

main()
