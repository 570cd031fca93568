for cp in [0x41, 0x7A, 0xE9, 0x3B1, 0x4E2D, 0x1F600, 0x10FFFF - 1, 0x20, 0x7F]:
    c = chr(cp)
    print(cp, repr(c), ord(c) == cp, len(c))
alphabet = "".join([chr(ord("a") + i) for i in range(26)])
print(alphabet, alphabet.upper())
shifted = "".join([chr((ord(ch) - 65 + 13) % 26 + 65) for ch in "HELLO"])
print(shifted)
print(sum([ord(c) for c in "checksum"]) % 256)
