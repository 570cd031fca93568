# random: randrange/randint/choice/shuffle/sample/choices consume bits exactly like CPython.
import random

random.seed(12345)
print([random.randrange(0, 100, 7) for _ in range(5)], random.randrange(10**30))
print([random.randrange(-10, 10) for _ in range(8)], [random.randrange(20, 0, -3) for _ in range(5)])
print([random.randint(1, 6) for _ in range(12)])
l = list(range(20))
random.shuffle(l)
print(l)
print(random.choice("abcdef"), random.choice([1, 2, 3]), random.choice((4, 5)), random.choice(range(1000)))
print(random.sample(range(100), 5), random.sample(list("abcdefghij"), 4), random.sample("xyz", 3))
print(random.sample(range(10**6), 8))
print(random.sample(["red", "blue"], counts=[4, 2], k=5))
print(random.choices("abc", k=5), random.choices([1, 2, 3], weights=[1, 0, 5], k=6))
print(random.choices("xy", cum_weights=[1, 3], k=4), random.choices(range(10)))
print(random.randbytes(6).hex())

# Dealing cards, a typical use.
random.seed(2023)
deck = [r + s for s in "SHDC" for r in "A23456789TJQK"]
random.shuffle(deck)
print(deck[:5], deck[-5:])
hands = [sorted(random.sample(deck, 5)) for _ in range(3)]
print(hands)

# A random walk.
random.seed(1)
pos = 0
for _ in range(1000):
    pos += random.choice((-1, 1))
print(pos)
