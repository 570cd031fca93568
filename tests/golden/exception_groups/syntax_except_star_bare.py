# except* needs exception types.
try:
    pass
except*:
    pass
