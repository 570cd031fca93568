import sys

sys.import_log.append("b_mod start")
from . import c_mod

sys.import_log.append("b_mod end")
