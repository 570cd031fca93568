# Coroutines driven with send(): a tokenizer coroutine feeds a parser
# coroutine that evaluates little arithmetic statements, and a chain of
# filter/accumulator coroutines computes statistics over a number stream.
import sys

LINES = int(sys.argv[1]) if len(sys.argv) > 1 else 220000


def coroutine(fn):
    def start(*args):
        co = fn(*args)
        next(co)
        return co
    return start


@coroutine
def averager(sink):
    total = 0
    count = 0
    while True:
        x = yield
        total += x
        count += 1
        sink.send((count, total // count))


@coroutine
def scaler(factor, target):
    while True:
        x = yield
        target.send(x * factor)


@coroutine
def odd_filter(target):
    while True:
        x = yield
        if x & 1:
            target.send(x)


@coroutine
def collector(store):
    while True:
        item = yield
        store.append(item)


@coroutine
def evaluator(results):
    # Receives tokens; on ';' evaluates the statement (left-to-right, with
    # * and / binding tighter than + and -) and assigns it.
    env = {}
    while True:
        name = yield
        assert (yield) == "="
        terms = []
        cur = None
        op = None
        tok = yield
        while tok != ";":
            if tok in ("+", "-", "*", "/"):
                op = tok
            else:
                val = env[tok] if tok in env else int(tok)
                if cur is None:
                    cur = val
                elif op in ("*", "/"):
                    cur = cur * val if op == "*" else cur // (val or 1)
                else:
                    terms.append(cur)
                    terms.append(op)
                    cur = val
            tok = yield
        total = terms[0] if terms else cur
        if terms:
            for i in range(1, len(terms), 2):
                nxt = terms[i + 1] if i + 1 < len(terms) else cur
                total = total + nxt if terms[i] == "+" else total - nxt
        value = total % 1000003
        env[name] = value
        results.send((name, value))


@coroutine
def tokenizer(target):
    while True:
        line = yield
        tok = ""
        for ch in line:
            if ch == " ":
                if tok:
                    target.send(tok)
                    tok = ""
            elif ch in "+-*/=;":
                if tok:
                    target.send(tok)
                    tok = ""
                target.send(ch)
            else:
                tok += ch
        if tok:
            target.send(tok)


def make_program(n):
    s = 1
    names = ["a", "b", "c", "d", "e", "f", "g", "h"]
    lines = ["%s = %d;" % (v, i + 1) for i, v in enumerate(names)]
    for _ in range(n):
        s = (s * 1103515245 + 12345) & 0x7FFFFFFF
        dst = names[s % 8]
        parts = []
        for k in range(3 + s % 4):
            s = (s * 1103515245 + 12345) & 0x7FFFFFFF
            if k:
                parts.append("+-*/"[s % 4])
            parts.append(names[(s >> 4) % 8] if s & 8 else str(s % 97))
        lines.append(dst + " = " + " ".join(parts) + " ;")
    return lines


def main():
    results = []
    tok = tokenizer(evaluator(collector(results)))
    for line in make_program(LINES):
        tok.send(line)
    h = 0
    for name, value in results:
        h = (h * 31 + value + ord(name)) % 1000000007
    print("statements", len(results), "hash", h, "last", results[-1])

    stats = []
    pipeline = odd_filter(scaler(3, averager(collector(stats))))
    s = 7
    for _ in range(LINES * 10):
        s = (s * 69069 + 1) & 0xFFFFFFFF
        pipeline.send(s >> 16)
    print("stream", len(stats), stats[-1])


main()
