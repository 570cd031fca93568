# golden: full stderr
# Non-ASCII source lines: columns are characters, and East Asian wide
# characters take two columns, so the carets stay under the expression.
prices = {"café": 3, "thé": 2}
名前 = {"東京": 1}


def price(name):
    return prices["café"] + 名前["大阪"]


price("thé")
