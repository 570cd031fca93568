# Driving async def coroutines by hand with send(); awaitables with __await__.
class Ticket:
    def __init__(self, name):
        self.name = name
    def __await__(self):
        result = yield f"need {self.name}"
        return result.upper()
async def task():
    a = await Ticket("alpha")
    b = await Ticket("beta")
    return a + "+" + b
c = task()
print(type(c).__name__)
print(c.send(None))
print(c.send("first"))
try:
    c.send("second")
except StopIteration as s:
    print("result:", s.value)
