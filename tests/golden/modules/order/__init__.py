import sys

sys.import_log = getattr(sys, "import_log", [])
sys.import_log.append("order start")
from . import b_mod, a_mod  # in this order

sys.import_log.append("order end")
