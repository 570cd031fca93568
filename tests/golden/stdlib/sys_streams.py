# sys.stdin / sys.stdout / sys.stderr: text streams with a binary .buffer.
import sys

n = sys.stdout.write('written with write()\n')
print(n, sys.stdout.write(''), sys.stdout.write('é€\n'))
sys.stdout.flush()
print(sys.stdout.buffer.write(b'raw bytes\n'))
sys.stdout.buffer.flush()
print(sys.stdout.name, sys.stdout.mode, sys.stdout.encoding, sys.stdout.fileno(), sys.stdout.writable())
print(sys.stdin.name, sys.stdin.mode, sys.stdin.fileno(), sys.stdin.readable(), sys.stdin.writable())
print(sys.stderr.name, sys.stderr.fileno(), sys.stderr.errors)
print(repr(sys.stdout), repr(sys.stdin))
print(sys.__stdout__ is sys.stdout, sys.__stdin__ is sys.stdin, sys.__stderr__ is sys.stderr)
print('to stdout via print(file=...)', file=sys.stdout)
try:
    sys.stdout.write(b'bytes')
except TypeError as e:
    print('TypeError:', e)
try:
    sys.stdout.buffer.write('text')
except TypeError as e:
    print('TypeError:', e)

# Reading: readline, readline(size), iteration, readlines, read; input() shares the buffer.
print(repr(sys.stdin.readline()))
print(repr(sys.stdin.readline(4)), repr(sys.stdin.readline()))
print(repr(input()))
for line in sys.stdin:
    print('iterated', repr(line))
    if line.startswith('stop'):
        break
print(repr(sys.stdin.read(5)))
print(sys.stdin.readlines(1))
print(repr(sys.stdin.read()))
print(repr(sys.stdin.readline()), repr(sys.stdin.read()), sys.stdin.readlines())
try:
    input()
except EOFError as e:
    print('EOFError:', e)


# Redirecting sys.stdout sends print() elsewhere.
class Collect:
    def __init__(self):
        self.parts = []

    def write(self, s):
        self.parts.append(s)
        return len(s)


old = sys.stdout
sys.stdout = Collect()
print('captured', 1, 2)
captured = sys.stdout.parts
sys.stdout = old
print(captured)
