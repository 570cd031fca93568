counter = 0
def bump():
    global counter
    counter += 1
    return counter
print(bump(), bump(), bump())
print(counter)
def read_global():
    return counter * 10
print(read_global())
def shadow():
    counter = 99
    return counter
print(shadow(), counter)
def create_global():
    global brand_new
    brand_new = "created"
create_global()
print(brand_new)
