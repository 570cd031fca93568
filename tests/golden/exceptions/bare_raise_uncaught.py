# A bare raise re-raises the exception being handled, keeping its traceback.
def risky(d):
    return d["missing"]

try:
    risky({})
except KeyError:
    print("logging and re-raising")
    raise
