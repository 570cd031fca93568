# `await` at module level is outside any function.
print("never printed: this is a compile error")
value = await something()
