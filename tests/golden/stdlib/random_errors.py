# random: error messages.
import random

def attempt(f, *args, **kw):
    try:
        print(f(*args, **kw))
    except Exception as e:
        print(type(e).__name__ + ":", e)

random.seed(0)
attempt(random.randrange, 0)
attempt(random.randrange, 5, 5)
attempt(random.randrange, 1, 10, 0)
attempt(random.randrange, 10, 1, 2)
attempt(random.randrange, 10, step=2)
attempt(random.randrange, 1.5)
attempt(random.randrange, 2.0)
attempt(random.randrange, "5")
attempt(random.randint, 5, 1)
attempt(random.choice, [])
attempt(random.choice, 5)
attempt(random.choice)
attempt(random.getrandbits, -1)
attempt(random.sample, [1, 2], 3)
attempt(random.sample, {1, 2}, 1)
attempt(random.sample, [1, 2], -1)
attempt(random.choices, [1, 2], [1])
attempt(random.choices, [1, 2], [0, 0])
attempt(random.choices, [1, 2], [1, 2], cum_weights=[1, 3])
attempt(random.choices, "ab", 3)
attempt(random.seed, [1, 2])
attempt(random.setstate, (4, (), None))
attempt(random.Random().setstate, (3, (1, 2), None))
attempt(random.gammavariate, -1, 1)
attempt(random.shuffle, 5)
random.randrange(1, 2, 3, 4)
