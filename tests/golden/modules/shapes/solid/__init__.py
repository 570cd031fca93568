print("init shapes.solid:", __name__, __package__)
