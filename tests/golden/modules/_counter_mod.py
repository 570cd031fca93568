import sys

# Count executions in a place that survives re-imports.
sys.counter_runs = getattr(sys, "counter_runs", 0) + 1
print("executing _counter_mod, run", sys.counter_runs)
state = []
