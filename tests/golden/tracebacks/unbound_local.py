# golden: full stderr
# An unbound local read in the middle of an expression marks that name only.
def area(width):
    size = width * height
    height = 2
    return size


area(3)
