import sys

from dockgen.cli import main

sys.exit(main())
