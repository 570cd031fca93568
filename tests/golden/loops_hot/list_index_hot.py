n = 5000
arr = list(range(n))
for i in range(n):
    arr[i] = (arr[i] * 37 + 11) % n
print(arr[:10], sum(arr))
prefix = [0] * (n + 1)
for i in range(n):
    prefix[i + 1] = prefix[i] + arr[i]
print(prefix[-1], prefix[n // 2])
best = -1
for i in range(1, n):
    if arr[i] - arr[i - 1] > best:
        best = arr[i] - arr[i - 1]
print(best)
data = [(i * 7) % 1000 for i in range(3000)]
for i in range(1, len(data)):
    key = data[i]
    j = i - 1
    if i > 300:
        break
    while j >= 0 and data[j] > key:
        data[j + 1] = data[j]
        j -= 1
    data[j + 1] = key
print(data[:10], data[295:305])
stack = []
for i in range(20000):
    if i % 3 == 2:
        stack.pop()
    else:
        stack.append(i)
print(len(stack), stack[-3:])
