def noop():
    pass
print(noop())
for i in range(3):
    pass
print(i)
if True:
    pass
else:
    print("no")
while False:
    pass
def only_doc():
    "docstring only"
print(only_doc(), only_doc.__doc__)
x = 1
if x:
    ...
print("ellipsis ok", ...)
