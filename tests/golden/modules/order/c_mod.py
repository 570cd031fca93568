import sys

sys.import_log.append("c_mod (runs once)")
