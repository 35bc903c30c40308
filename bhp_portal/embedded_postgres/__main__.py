import sys

from bhp_portal.embedded_postgres import main

sys.exit(main(sys.argv[1:]))
