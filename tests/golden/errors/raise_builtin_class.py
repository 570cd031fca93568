print("raising")
raise KeyError
