"""``python -m yusuan``: the command line."""

import sys

from yusuan.cli import main

sys.exit(main())
