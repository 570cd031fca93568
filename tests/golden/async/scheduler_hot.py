# Many coroutines and many suspensions (hot loops in the scheduler and in the coroutines).
class Yield:
    def __await__(self):
        yield

async def producer(queue, n):
    for i in range(n):
        queue.append(i)
        await Yield()

async def consumer(queue, n):
    total = 0
    got = 0
    while got < n:
        if queue:
            total += queue.pop(0)
            got += 1
        else:
            await Yield()
    return total

def run(tasks):
    results = []
    while tasks:
        t = tasks.pop(0)
        try:
            t.send(None)
            tasks.append(t)
        except StopIteration as e:
            results.append(e.value)
    return results

queue = []
print(run([producer(queue, 3000), consumer(queue, 3000)]))

async def countdown(n):
    while n:
        n -= 1
        await Yield()
    return "liftoff"
print(run([countdown(k) for k in range(1, 200)])[-1])
