# golden: full stderr
# A failing attribute load marks the attribute expression (`a.b.c`), a method
# call that fails to find the method marks `obj.name`.
class Node:
    def __init__(self, child=None):
        self.child = child


def depth3(node):
    return node.child.child.name


tree = Node(Node(Node()))
print(depth3(tree).upper())
