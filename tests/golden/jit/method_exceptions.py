# Exceptions raised inside methods inlined into a trace: the trace exits before the raising
# instruction, the interpreter rebuilds the inlined frames and raises with the full traceback.


class Account:
    def __init__(self, balance):
        self.balance = balance

    def withdraw(self, amount):
        if amount > self.balance:
            raise ValueError("insufficient funds: %d > %d" % (amount, self.balance))
        self.balance -= amount
        return self.balance

    def ratio(self, d):
        return self.balance // d


def run():
    acct = Account(100)
    done = 0
    for i in range(40):
        try:
            acct.withdraw(3)
            done += 1
        except ValueError as e:
            print("caught:", e)
            break
    print(done, acct.balance)

    # ZeroDivisionError from an inlined method, caught around the call.
    accts = [Account(i * 10) for i in range(20)]
    out = []
    for i in range(len(accts)):
        try:
            out.append(accts[i].ratio(5 - i % 6))
        except ZeroDivisionError:
            out.append(None)
    print(out)


run()

# AttributeError: an instance without the attribute the trace expects.
class Empty:
    def withdraw(self, amount):
        return self.balance


def drain(objs):
    for o in objs:
        o.withdraw(1)


drain([Account(1000) for _ in range(15)] + [Empty()])
