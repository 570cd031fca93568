s = "abcdefghij"
print(s[2:5], s[:3], s[7:], s[:], s[-3:], s[:-3], s[-5:-2])
print(s[::2], s[1::2], s[::-1], s[::-2], s[8:2:-1], s[8:2:-2], s[2:8:-1])
print(repr(s[5:2]), repr(s[100:]), s[-100:3], s[3:100], s[-1:-11:-1])
print(s[::3], s[::-3], s[1:-1:4], s[-2::-3])
print(s[0], s[9], s[-10], s[-1])
for step in (1, 2, 3, -1, -4):
    print(step, s[::step], s[2::step], s[:2:step])
print(s[slice(2, 6)], s[slice(None, None, -2)], s[slice(3)])
