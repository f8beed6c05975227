"""``python -m bench``: the scale benchmarks of bench/run.py."""

import sys

from bench.run import main

sys.exit(main())
