stack = []
for ch in "([{}])":
    if ch in "([{":
        stack.append(ch)
        print("push", ch, stack)
    else:
        top = stack.pop()
        print("pop", top, "for", ch, stack)
print("balanced" if not stack else "unbalanced")
queue = [1, 2, 3]
while queue:
    item = queue.pop(0)
    print("process", item, queue)
    if item < 3:
        queue.append(item * 10)
def balanced(s):
    pairs = {")": "(", "]": "[", "}": "{"}
    st = []
    for c in s:
        if c in "([{":
            st.append(c)
        elif c in pairs:
            if not st or st.pop() != pairs[c]:
                return False
    return not st
for s in ["()", "([)]", "{[()()]}", "((", ""]:
    print(repr(s), balanced(s))
