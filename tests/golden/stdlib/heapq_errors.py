# heapq's argument checks and error messages.
import heapq

def attempt(f, *args):
    try:
        print(f(*args))
    except Exception as e:
        print(type(e).__name__ + ":", e)

attempt(heapq.heappush, (), 1)
attempt(heapq.heappop, [])
attempt(heapq.heappop, 1)
attempt(heapq.heapreplace, [], 1)
attempt(heapq.heappush, [])
attempt(heapq.heapify, "abc")
attempt(heapq.heappushpop, [], 1)
attempt(heapq.heappush, [1, "a"], 2)
attempt(heapq.heappush, [1], "a")
h = [1, 2, 3]
heapq.heappush(h, 0)
print(h)
heapq.heappop(h, 5)
