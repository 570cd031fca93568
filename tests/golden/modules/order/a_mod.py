import sys

sys.import_log.append("a_mod start")
from . import c_mod

sys.import_log.append("a_mod end")
