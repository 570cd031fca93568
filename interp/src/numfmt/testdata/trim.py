"""Pick a stratified sample of a big case file for the repo copy."""
import random, sys, collections
src, dst, per_kind = sys.argv[1], sys.argv[2], int(sys.argv[3])
rng = random.Random(99)
by = collections.defaultdict(list)
header = None
for ln in open(src, encoding='utf-8'):
    if ln.startswith('#'):
        header = ln; continue
    by[ln.split('\t', 1)[0]].append(ln)
CURATED_VALUES = {'4005666666666666', '3fc0000000000000', '4341c37937e08000', '3fe0000000000000',
                  '3fd5555555555555', '7ff8000000000000', '7ff0000000000000', '8000000000000000',
                  '7e37e43c8800759c', '0000000000000001', '3ff8000000000000'}
CURATED_SPECS = {'', '.2f', '.0f', '.60f', 'f', '.3', 'z.1f', '015,.2f', '=+12.3f', '%', 'n', '#g',
                 '.17g', 'e', '_', '.1100f', '.800e', '0=+20,.4e', 'x', 'abc', '.', ',_', ',b'}
out = []
for kind, lines in sorted(by.items()):
    n = per_kind if kind != 'dec' else 8
    if kind == 'ff':
        cur = [l for l in lines if l.split('\t')[1] in CURATED_VALUES and l.split('\t')[2] in CURATED_SPECS]
        cur = list(dict.fromkeys(cur))
        out += cur
    short = [l for l in lines if len(l) < 600] if kind not in ('dec',) else lines
    out += rng.sample(short, min(n, len(short)))
with open(dst, 'w', encoding='utf-8') as f:
    f.write(header)
    f.write('# stratified sample (see data_tests.rs); full sets are generated outside the repo\n')
    f.writelines(out)
print(len(out), 'cases')
