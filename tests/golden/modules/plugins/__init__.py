NAME = "builtin plugin"
