for n in [0, 1, -1, 10, 255, -255, 4096, 2 ** 40, -(2 ** 70), 123456789]:
    print(n, hex(n), oct(n), bin(n))
print(str(12345), repr(-12345))
print(str(10 ** 40))
print(format(255, "x"), format(255, "X"), format(255, "o"), format(255, "b"))
print(format(255, "#x"), format(-255, "#b"))
print(hex(2 ** 100 - 1))
print(int(hex(2 ** 100 + 12345), 16) == 2 ** 100 + 12345)
print(int(bin(-987654321), 2))
