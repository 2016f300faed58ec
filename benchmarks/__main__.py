"""`python -m benchmarks`: build the benchmark workspaces and print the one table."""

from benchmarks.runner import main

if __name__ == "__main__":
    main()
