import sys
print(sys.argv[1:])
print(len(sys.argv) >= 1)
print(sys.argv[0].endswith("sys_argv.py"))
print(type(sys.argv))
