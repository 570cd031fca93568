nums = [1, 2, 3, 4, 5, 6]
for x in nums[:]:
    if x % 2 == 0:
        nums.remove(x)
print(nums)
lst = [1, 2, 3]
for x in lst:
    print("visit", x)
    if x == 1:
        lst.append(4)
print(lst)
out = []
i = 0
data = [5, 1, 4]
while i < len(data):
    if data[i] > 3:
        data.insert(i + 1, data[i] - 3)
    out.append(data[i])
    i += 1
print(out, data)
