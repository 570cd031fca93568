# A tiny round-robin scheduler: each coroutine runs until it awaits `sleep()`, which suspends it
# (the value yielded by the innermost awaitable comes out of send()).
class sleep:
    def __init__(self, ticks):
        self.ticks = ticks
    def __await__(self):
        for _ in range(self.ticks):
            yield "tick"
        return self.ticks

async def task(name, steps, ticks):
    slept = 0
    for i in range(steps):
        print(f"{name}: step {i}")
        slept += await sleep(ticks)
    print(f"{name}: done")
    return slept

def run_all(tasks):
    queue = list(tasks.items())
    results = {}
    while queue:
        name, coro = queue.pop(0)
        try:
            coro.send(None)
        except StopIteration as e:
            results[name] = e.value
        else:
            queue.append((name, coro))
    return results

print(run_all({"A": task("A", 3, 1), "B": task("B", 2, 2), "C": task("C", 1, 0)}))

# Coroutines awaiting coroutines: the suspension passes through every level.
async def level(n):
    if n == 0:
        return await sleep(1)
    return 1 + await level(n - 1)

print(run_all({"deep": level(20)}))
