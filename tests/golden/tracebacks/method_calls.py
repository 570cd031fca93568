# golden: full stderr
# A method call fails inside the method: the caller's line marks the whole call,
# and a call spanning lines is marked from the method name on its own line.
text = "a,b,c"
parts = text.split(",")
position = (text
            .upper()
            .index("z"))
