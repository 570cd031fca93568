print("x".center(5, "*"))
"x".center(5, "**")
