# golden: full stderr
# Raising a caught exception object again extends its traceback: the frame
# of the new `raise` comes before the frames where it was first raised.
def fetch(d):
    return d["key"]


def retry(d):
    try:
        return fetch(d)
    except KeyError as e:
        err = e
    raise err


retry({})
