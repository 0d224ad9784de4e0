import sys

from dockgen.entry import main

sys.exit(main())
