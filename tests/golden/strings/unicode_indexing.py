s = "héllo wörld ☃ 中文 😀!"
print(len(s))
for i in range(len(s)):
    print(i, s[i], ord(s[i]))
print(s[0], s[-1], s[-2], s[1:5], s[::-1])
print(s[12], s[14:16], s.find("中"), s.index("😀"), s.count("l"))
print(s.upper())
print("😀" * 3, len("😀" * 3))
print(chr(0x1F600) == "😀", ord("€"), chr(8364), chr(65), ord("A"), chr(0x4E2D))
print("ÄÖÜ".lower(), "straße".upper())
print(sorted("bäa"), "é" > "z", "😀" > "中")
print(list("añb"), "ñ" in "mañana", "mañana".replace("ñ", "n"))
