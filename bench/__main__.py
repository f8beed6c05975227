"""``python -m bench``: the scale benchmarks of bench/run.py."""

import sys

from bench.run import main

if __name__ == "__main__":  # worker processes start from a fork server, which imports this module again
    sys.exit(main())
