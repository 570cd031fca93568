MASK = (1 << 64) - 1
state = 88172645463325252
outs = []
for i in range(20000):
    state ^= (state << 13) & MASK
    state ^= state >> 7
    state ^= (state << 17) & MASK
    if i < 5 or i % 5000 == 0:
        outs.append(state)
print(outs)
print(state)
seed = 12345
hist = [0] * 10
for i in range(30000):
    seed = (seed * 1103515245 + 12345) % 2147483648
    hist[seed % 10] += 1
print(hist, seed)
h = 0
for ch in "the quick brown fox" * 200:
    h = (h * 131 + ord(ch)) & 0xFFFFFFFFFFFFFFFF
print(h)
