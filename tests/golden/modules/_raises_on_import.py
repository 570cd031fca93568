import sys

sys.raising_runs = getattr(sys, "raising_runs", 0) + 1
print("_raises_on_import: run", sys.raising_runs)
PARTIAL = True
raise ValueError("module body failed")
