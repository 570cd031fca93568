# random: the Mersenne Twister reproduces CPython's sequences for int, str, bytes and float seeds.
import random

for s in [0, 1, 42, 2**32, 2**40, -7, 2**100 + 3, "hello", "", b"bytes", 3.5, True]:
    random.seed(s)
    print(repr(s), random.random(), random.getrandbits(5), random.getrandbits(40),
          random.getrandbits(100), random.randrange(10), random.randint(1, 6))

random.seed(7)
print([random.random() for _ in range(3)])
print(random.getrandbits(0), random.getrandbits(32), random.getrandbits(64), random.getrandbits(65))
random.seed("abc", version=1)
print(random.random())
random.seed(b"abc", version=1)
print(random.random())

# Many seeds: a checksum of integer draws.
total = 0
for s in range(200):
    random.seed(s)
    total += random.randrange(1000) * random.getrandbits(20) + random.randint(-50, 50)
print(total)
