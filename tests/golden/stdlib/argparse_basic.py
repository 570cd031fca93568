# argparse: positionals, options, flags, types, defaults, choices, nargs, append/count, subparsers,
# help output, and errors (usage + message on stderr, exit status 2).
import argparse
import sys

p = argparse.ArgumentParser(prog="tool", description="Process some files.", epilog="See the docs.")
p.add_argument("input", help="the input file")
p.add_argument("files", nargs="*", help="more files")
p.add_argument("-v", "--verbose", action="store_true", help="be verbose")
p.add_argument("-n", "--num", type=int, default=3, help="how many (default: %(default)s)")
p.add_argument("--mode", choices=["fast", "slow"], default="fast")
p.add_argument("-I", "--include", action="append", help="include path")
p.add_argument("-q", action="count", default=0)
p.add_argument("--ratio", type=float)
p.add_argument("--pair", nargs=2, metavar=("A", "B"))
p.print_help()
print(p.format_usage(), end="")
print(p.parse_args(["in.txt"]))
print(p.parse_args(["in.txt", "a", "b", "-v", "-n", "5", "--mode=slow", "-I", "x", "-Iy", "-qqq", "--ratio", "0.5", "--pair", "1", "2"]))
ns = p.parse_args(["--num=7", "f", "--", "-weird"])
print(ns.num, ns.input, ns.files, vars(ns)["verbose"])
print(p.parse_known_args(["f", "--unknown", "-v"]))

sp = argparse.ArgumentParser(prog="git")
sp.add_argument("--debug", action="store_true")
subs = sp.add_subparsers(dest="command", help="sub-command help")
c = subs.add_parser("commit", help="record changes")
c.add_argument("-m", "--message", required=True)
c.add_argument("--amend", action="store_true")
push = subs.add_parser("push", help="update remote")
push.add_argument("remote", nargs="?", default="origin")
print(sp.parse_args(["commit", "-m", "msg"]))
print(sp.parse_args(["--debug", "push"]))
print(sp.parse_args(["push", "upstream"]))
sp.print_help()

opt = argparse.ArgumentParser(prog="opt")
opt.add_argument("value", nargs="?", type=int, default=10)
opt.add_argument("rest", nargs="+")
print(opt.parse_args(["1", "2", "3"]), opt.parse_args(["x"]) if False else "")

for argv in [[], ["f", "-n", "x"], ["f", "--mode", "medium"], ["f", "--bogus"], ["f", "-n"]]:
    try:
        p.parse_args(argv)
    except SystemExit as e:
        print("exit", e.args)
try:
    sp.parse_args(["commit"])
except SystemExit as e:
    print("exit", e.args)
try:
    p.parse_args(["-h"])
except SystemExit as e:
    print("exit", e.args)
p.parse_args(["f", "-n", "oops"])
