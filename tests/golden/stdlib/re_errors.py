# re: CPython's re.error messages and positions for bad patterns.
import re
for p in ['a(?i)b', '(?i', '(?P<a', '(?P<>a)', '(?P<1a>x)', '[a', 'a**', 'a{3}{2}', '*a', 'a)', '(a', r'\q', r'\x1', '(?<=a+)b', r'(a)\2', '(?P=x)', '(?z)', '(?-z:a)', '(?i-:a)', '\\', '(?P<a>x)(?P<a>y)', '[z-a]', r'[\w-z]', 'x{2,1}', '(?#abc', '(?(1)a|b|c)', '(?<x)', r'\8', r'\777', '(a)(?(2)x)', 'a\n(']:
    try: re.compile(p); print(repr(p), 'ok')
    except re.error as e: print(repr(p), '->', e, '|', e.pos)
