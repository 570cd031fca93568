words = ["banana", "Apple", "cherry", "apple", "Banana", "date", "", "a", "ab", "B"]
print(sorted(words))
print(sorted(words, key=str.lower))
print(sorted(words, key=len))
print(sorted(words, key=lambda w: (len(w), w)))
print(sorted(words, reverse=True))
print(min(words), max(words), min(words, key=len), max(words, key=len))
print("a" < "aa" < "b", "Z" < "a", "10" < "2", "abc" < "abcd")
