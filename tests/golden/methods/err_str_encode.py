print("abc".encode("ascii"))
"naïve café".encode("ascii")
