# Found by the difftest: functions defined in comprehensions have no '<locals>' after the
# comprehension in their __qualname__ (nor in argument errors), and print() writes the arguments
# before one whose str() fails.
def main():
    fs = {k: (lambda a, b: a) for k in range(1)}
    print(fs[0].__qualname__)
    gs = [lambda: 1 for _ in range(1)]
    print(gs[0].__qualname__)
    print([(lambda: 2).__qualname__ for _ in 'a'])
    def inner():
        return [x for x in (lambda: [1])()]
    print(inner.__qualname__)
    try:
        fs[0](1)
    except TypeError as e:
        print(e)
print([(lambda: 0).__qualname__ for _ in 'a'])
main()
class K:
    m = [(lambda: 0).__qualname__ for _ in 'a']
print(K.m)
print('a', 'b', 2**(63**3))
