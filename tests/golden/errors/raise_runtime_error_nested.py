def level3():
    raise RuntimeError("deep failure at level 3")
def level2():
    return level3()
def level1():
    print("in level1")
    return level2()
level1()
