import sys
print("code 42")
sys.exit(42)
