#!/usr/bin/env python3
r"""Generate CPython 3.11 reference cases for pvm's numfmt module.

Usage: gen_cases.py OUT_FILE SCALE SEED
Line format: kind \t a \t b \t expected   (fields escaped: \\ \t \n \r \xNN)
expected = 'OK:<text>' or '<ExceptionName>:<message>'.
"""
import math
import random
import struct
import sys

out_path = sys.argv[1]
SCALE = float(sys.argv[2]) if len(sys.argv) > 2 else 1.0
rng = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else 12345)
lines = []


def esc(s):
    r = []
    for c in s:
        if c == '\\':
            r.append('\\\\')
        elif c == '\t':
            r.append('\\t')
        elif c == '\n':
            r.append('\\n')
        elif c == '\r':
            r.append('\\r')
        elif ord(c) < 0x20 or ord(c) == 0x7f or c in '\x85\u2028\u2029':
            r.append('\\x%02x' % ord(c) if ord(c) < 0x100 else c)
        else:
            r.append(c)
    return ''.join(r)


def fbits(x):
    return '%016x' % struct.unpack('<Q', struct.pack('<d', x))[0]


def ihex(v):
    return hex(v)


def outcome(fn):
    try:
        return 'OK:' + fn()
    except Exception as e:  # noqa
        return '%s:%s' % (type(e).__name__, e)


def add(kind, a, b, fn):
    res = outcome(fn)
    if any(0xd800 <= ord(c) <= 0xdfff for c in res):
        return  # Rust strings cannot hold surrogates
    lines.append('\t'.join([kind, esc(a), esc(b), esc(res)]))


def N(n):
    return max(1, int(n * SCALE))


# ---------------------------------------------------------------- floats
def rand_float():
    k = rng.random()
    if k < 0.3:
        return struct.unpack('<d', struct.pack('<Q', rng.getrandbits(64)))[0]
    if k < 0.5:
        return rng.random() * 10.0 ** rng.randint(-30, 30) * rng.choice([1, -1])
    if k < 0.65:
        return round(rng.uniform(-1000, 1000), rng.randint(0, 6))
    if k < 0.75:
        return float(rng.randint(-10**rng.randint(1, 20), 10**rng.randint(1, 20)))
    if k < 0.85:
        # halfway-ish decimal values
        d = rng.randint(0, 8)
        return (rng.randint(0, 10**6) * 10 + 5) / 10.0 ** (d + 1)
    if k < 0.92:
        return rng.choice(SPECIAL_FLOATS)
    return 2.0 ** rng.randint(-1074, 1023) * rng.choice([1, -1])


SPECIAL_FLOATS = [0.0, -0.0, 1.0, -1.0, 0.5, 1.5, 2.5, -2.5, 0.125, 0.375, 2.675, 1.005, 9.995,
                  0.1, 0.2, 0.3, 1 / 3, 2 / 3, 1e16, 1e15, 1e17, 1e-4, 1e-5, 9.999999e-5, 123456.789,
                  1e300, -1e300, 5e-324, 1.7976931348623157e308, 2.2250738585072014e-308,
                  float('inf'), float('-inf'), float('nan'), 9.5, 10.5, 0.05, 0.15, 0.25, 0.35,
                  999999.5, 9999999.5, 1e22, 1e23, 2.0**53, 2**53 + 1.0, 2.0**63, 2.0**64, 1e-7,
                  0.0001234, -1234.5678, 12345678.9, 99.99, 0.995, 1234567890123456.8,
                  123456789012345.0, 2e16 + 8, 4.35, 0.045, 1e-320, 3.14159265358979, 100.0,
                  1e100, 1e-100, 7.0, 12.0, 0.9999999999999999]

FLOAT_TYPES = ['e', 'E', 'f', 'F', 'g', 'G', '%', 'n', '', '', '']


def rand_spec(types, allow_z=True, prec_max=20, big_prec=False):
    s = ''
    r = rng.random()
    if r < 0.2:
        s += rng.choice(['*', '0', ' ', 'x', '\u00e9', '<', '#', '{']) + rng.choice('<>=^')
    elif r < 0.4:
        s += rng.choice('<>=^')
    if rng.random() < 0.3:
        s += rng.choice('+- ')
    if allow_z and rng.random() < 0.1:
        s += 'z'
    if rng.random() < 0.15:
        s += '#'
    if rng.random() < 0.2:
        s += '0'
    if rng.random() < 0.5:
        s += str(rng.randint(0, 30))
    r = rng.random()
    if r < 0.15:
        s += ','
    elif r < 0.25:
        s += '_'
    if rng.random() < 0.6:
        if big_prec and rng.random() < 0.2:
            s += '.' + str(rng.randint(20, 400))
        else:
            s += '.' + str(rng.randint(0, prec_max))
    s += rng.choice(types)
    return s


def gen_float_cases():
    for _ in range(N(60000)):
        x = rand_float()
        add('repr', fbits(x), '', lambda: repr(x))
    for x in SPECIAL_FLOATS:
        add('repr', fbits(x), '', lambda: repr(x))
    for _ in range(N(60000)):
        x = rand_float()
        spec = rand_spec(FLOAT_TYPES, big_prec=True)
        add('ff', fbits(x), spec, lambda: format(x, spec))
    # every special value with a set of fixed specs
    fixed = ['', '.0f', '.1f', '.2f', '.3f', '.0e', '.1e', '.2e', '.16e', '.17g', '.0g', 'g', '.3g',
             '#.0f', '#.0e', '#g', '#.3g', '.3', '.1', '#', 'z', 'z.1f', '+', ' ', '10', '<10', '^12',
             '=+12.3f', '012.3f', '0=12', ',', '_', ',.2f', '_.3e', '015,.2f', '%', '.1%', 'n', '.2n',
             '.60f', 'f', 'e', 'E', 'F', 'G', '.25g', '.30e', '*^20.5g', '.400f', '.800e', '.1100f',
             '.770g', '#.770g', '\u0661\u0660', '.\u0663f', '0=+20,.4e', 'z=+#12.0f', 'Z^9']
    for x in SPECIAL_FLOATS:
        for spec in fixed:
            add('ff', fbits(x), spec, lambda: format(x, spec))
    # bad specs
    for spec in ['x', 'd', 'b', 'c', 's', ',b', '_x', ',n', 'abc', '.', '5.', ',_', '_,', '\u00e9',
                 '99999999999999999999', '.99999999999999999999', '10,x', '=', '.2147483648f', '>>',
                 '->5', 'zz', '#z']:
        add('ff', fbits(1.5), spec, lambda: format(1.5, spec))


# ---------------------------------------------------------------- ints
INT_TYPES = ['b', 'c', 'd', 'o', 'x', 'X', 'n', '', '', 'e', 'f', 'g', '%', 'E', 'G', 'F']


def rand_int():
    r = rng.random()
    if r < 0.4:
        return rng.randint(-1000, 100000)
    if r < 0.7:
        return rng.randint(-2**64, 2**64)
    if r < 0.85:
        return rng.randint(-10**rng.randint(1, 300), 10**rng.randint(1, 300))
    if r < 0.95:
        return rng.choice([0, 1, -1, 65, 0x10ffff, 0x110000, 2**63 - 1, -2**63, 2**63, 2**64,
                           2**1024, 2**1024 - 2**970, 2**1024 - 2**971, 10**308, 10**309,
                           2**53 + 1, 2**53 + 3, 2**70, 0xd7ff, 0xe000])
    return rng.randint(-10**rng.randint(300, 4400), 10**rng.randint(300, 4400))


def gen_int_cases():
    for _ in range(N(40000)):
        v = rand_int()
        spec = rand_spec(INT_TYPES, allow_z=rng.random() < 0.3, prec_max=10)
        if rng.random() < 0.5:
            spec = spec.replace('.', '') if '.' in spec and spec[-1:] not in 'efgEFG%' else spec
        add('fi', ihex(v), spec, lambda: format(v, spec))
    for v in [0, 1, -1, 255, -255, 65, 1234567, -1234567, 10**20, 2**100]:
        for spec in ['', 'd', 'x', 'X', '#x', '#X', '#o', '#b', 'b', 'o', 'c', ',', '_', '_x', '_b',
                     '#_x', '010', '010,', '+010,', '-010_', ' 10', '^10', '<10', '=10', '*^10',
                     '#010x', '+#x', 'n', '.2f', 'e', '%', ',.2f', 'g', '.3', 's', 'z', 'zd',
                     '.2d', '+c', '#c', ',c', ',x', '=^5', '0<5', '05c', '^5c']:
            add('fi', ihex(v), spec, lambda: format(v, spec))
    for _ in range(N(3000)):
        v = rng.randint(-10**rng.randint(4200, 4400), 10**rng.randint(4200, 4400))
        add('dec', ihex(v), '', lambda: str(v))
    for e in [4299, 4300]:
        for v in [10**e - 1, 10**e, -(10**e - 1), -(10**e)]:
            add('dec', ihex(v), '', lambda: str(v))
    for _ in range(N(20000)):
        r = rng.random()
        if r < 0.5:
            v = rng.getrandbits(rng.randint(1, 1100))
        else:
            b = rng.randint(50, 1030)
            v = (1 << b) + rng.choice([-1, 1]) * rng.getrandbits(rng.randint(1, b - 1))
        v *= rng.choice([1, -1])
        add('tof', ihex(v), '', lambda: repr(float(v)))


# ---------------------------------------------------------------- strings
STR_POOL = ['', 'a', 'abc', 'hello world', 'h\u00e9llo', '\u4e2d\u6587', '\U0001f600x', 'x' * 40,
            "it's", 'say "hi"', 'both \' and "', 'tab\there', 'nl\n', '\\back']


def gen_str_cases():
    for _ in range(N(8000)):
        s = rng.choice(STR_POOL)
        spec = rand_spec(['s', '', '', '', 'd', 'r'], allow_z=rng.random() < 0.2)
        add('fs', s, spec, lambda: format(s, spec))
    for _ in range(N(20000)):
        n = rng.randint(0, 8)
        chars = []
        for _ in range(n):
            r = rng.random()
            if r < 0.3:
                c = rng.randint(0, 0x7f)
            elif r < 0.5:
                c = rng.randint(0x80, 0x3ff)
            elif r < 0.8:
                c = rng.randint(0x400, 0xffff)
            else:
                c = rng.randint(0x10000, 0x10ffff)
            if 0xd800 <= c <= 0xdfff:
                c = 0x41
            chars.append(chr(c))
        if rng.random() < 0.2:
            chars.append(rng.choice(['\'', '"']))
        s = ''.join(chars)
        add('srepr', s, '', lambda: repr(s))


# ---------------------------------------------------------------- percent
def rand_pct(conv):
    s = '%'
    for _ in range(rng.randint(0, 3)):
        s += rng.choice('-+ #0')
    if rng.random() < 0.6:
        s += str(rng.randint(0, 25))
    if rng.random() < 0.6:
        s += '.' + (str(rng.randint(0, 20)) if rng.random() < 0.9 else '')
    if rng.random() < 0.05:
        s += rng.choice('hlL')
    return s + conv


def gen_percent_cases():
    for _ in range(N(30000)):
        x = rand_float()
        t = rand_pct(rng.choice('eEfFgG'))
        add('pf', fbits(x), t, lambda: t % (x,))
    for _ in range(N(20000)):
        v = rand_int() if rng.random() < 0.9 else rng.randint(-10**5000, 10**5000)
        t = rand_pct(rng.choice('diuoxX'))
        add('pi', ihex(v), t, lambda: t % (v,))
    for _ in range(N(4000)):
        s = rng.choice(STR_POOL)
        t = rand_pct(rng.choice('srac'))
        if t.endswith('c'):
            s = rng.choice(['a', '\u00e9', '\U0001f600', 'Z'])
        add('ps', s, t, lambda: t % (s,) if not t.endswith(('r', 'a')) else (t[:-1] + 's') % (s,))
    for _ in range(N(2000)):
        v = rng.choice([65, 0, 0x10ffff, 0x110000, -1, 2**70, 0x4e2d, 0x1f600, rng.randint(0, 0xd7ff)])
        t = rand_pct('c')
        add('pc', ihex(v), t, lambda: t % (v,))


# ---------------------------------------------------------------- parsing
DIGITS = '0123456789abcdefghijklmnopqrstuvwxyz'


def rand_int_str():
    base = rng.choice([10, 10, 10, 0, 0, 2, 8, 16, 36, 3, 7, 1, 37])
    b = base if base >= 2 else 10
    r = rng.random()
    s = ''
    if rng.random() < 0.2:
        s += rng.choice([' ', '\t', '\n', '\u3000', '\x1c', '\x0b'])
    if rng.random() < 0.3:
        s += rng.choice('+-')
    if base in (0, 2, 8, 16) and rng.random() < 0.4:
        s += rng.choice(['0x', '0X', '0o', '0b', '0B', '0'])
        if rng.random() < 0.3:
            s += '_'
    nd = rng.randint(0, 12) if rng.random() < 0.95 else rng.randint(600, 5000)
    for i in range(nd):
        s += DIGITS[rng.randrange(min(b, 36))] if rng.random() < 0.97 else rng.choice(DIGITS)
        if rng.random() < 0.1:
            s += '_' * rng.choice([1, 1, 1, 2])
    if r < 0.1:
        s = s.replace('1', '\u0661')
    if rng.random() < 0.2:
        s += rng.choice([' ', '\t', '\u2003', 'x', '\x00', '\u00e9', '.'])
    if rng.random() < 0.05:
        s = rng.choice(['', ' ', '-', '+', '_', '0_', '00', '000', '0_0', '010', '0o', '0x_', '-0'])
    return s, base


def rand_float_str():
    r = rng.random()
    if r < 0.3:
        x = rand_float()
        s = repr(x) if rng.random() < 0.5 else '%.*e' % (rng.randint(0, 25), x)
    elif r < 0.5:
        parts = [rng.choice(['', '+', '-'])]
        parts.append(''.join(rng.choice('0123456789') for _ in range(rng.randint(0, 25))))
        if rng.random() < 0.6:
            parts.append('.' + ''.join(rng.choice('0123456789') for _ in range(rng.randint(0, 25))))
        if rng.random() < 0.5:
            parts.append(rng.choice('eE') + rng.choice(['', '+', '-']) +
                         ''.join(rng.choice('0123456789') for _ in range(rng.randint(0, 4))))
        s = ''.join(parts)
    elif r < 0.6:
        s = rng.choice(['inf', 'INF', '-inf', '+Infinity', 'infinity', 'nan', '-NaN', '+nan',
                        'infinit', 'nanx', 'in', '-', '+', '.', 'e5', '.e5', '1e', '1e+', '1.5.',
                        '1__0', '_1', '1_', '1_0', '1_000.000_1', '1._5', '1_.5', '1e_5', '1e5_',
                        '0x10', '1,5', '١٢٣', '١٢.٥', ' 1 ', '\t-2.5\n', '\u30001', '1\x00', '',
                        '   ', '1e400', '-1e400', '1e-400', '4.9e-324', '2.4703282292062328e-324',
                        '2.4703282292062327e-324', '1' * 400, '0.' + '0' * 400 + '1',
                        '9' * 30 + 'e-30', '1e99999999999999999999', '1e-99999999999999999999'])
    else:
        s = ''.join(rng.choice('0123456789._eE+- ') for _ in range(rng.randint(1, 10)))
    if rng.random() < 0.1:
        s = ' ' + s + rng.choice([' ', '\n', '\u2003'])
    return s


def gen_parse_cases():
    for _ in range(N(30000)):
        s, base = rand_int_str()
        add('int', s, str(base), lambda: hex(int(s, base)))
    for s in ['0x', '0x_1', '0x__1', '1__0', '1_', '_1', '-_1', '- 1', '0b', '0o8', '0_0', '00',
              '010', '0_7', '  12  ', '\u2003-12\u3000', '\x1c1', 'x' * 300, 'a\'b', 'a"b',
              '1' * 4300, '1' * 4301, '0' * 5000, '١٢٣', '12\x00']:
        for base in [0, 10, 16, 2, 8, 36]:
            add('int', s, str(base), lambda: hex(int(s, base)))
    for _ in range(N(30000)):
        s = rand_float_str()
        add('float', s, '', lambda: repr(float(s)))
    for _ in range(N(30000)):
        x = rand_float()
        if rng.random() < 0.2:
            add('round', fbits(x), 'N', lambda: hex(round(x)))
        else:
            nd = rng.randint(-20, 20) if rng.random() < 0.9 else rng.choice(
                [-400, -309, -308, -307, 322, 323, 324, 400])
            add('round', fbits(x), str(nd), lambda: repr(round(x, nd)))
    for x in SPECIAL_FLOATS:
        add('round', fbits(x), 'N', lambda: hex(round(x)))
        for nd in [-2, -1, 0, 1, 2, 3, 15]:
            add('round', fbits(x), str(nd), lambda: repr(round(x, nd)))


gen_float_cases()
gen_int_cases()
gen_str_cases()
gen_percent_cases()
gen_parse_cases()
with open(out_path, 'w', encoding='utf-8') as f:
    f.write('# generated by gen_cases.py with CPython %s\n' % sys.version.split()[0])
    for ln in lines:
        f.write(ln + '\n')
print(len(lines), 'cases ->', out_path)
