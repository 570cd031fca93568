a, b, c = 1, 2, 3
a, b, c = c, a, b
print(a, b, c)
lst = [5, 6, 7, 8]
lst[0], lst[-1] = lst[-1], lst[0]
print(lst)
i = 0
lst[i], i = 99, 2
print(lst, i)
x = [1, 2, 3]
i = 0
i, x[i] = 1, "set"
print(i, x)
fa, fb = 0, 1
for _ in range(20):
    fa, fb = fb, fa + fb
print(fa, fb)
arr = [4, 3, 2, 1]
for k in range(len(arr)):
    for m in range(len(arr) - 1 - k):
        if arr[m] > arr[m + 1]:
            arr[m], arr[m + 1] = arr[m + 1], arr[m]
print(arr)
