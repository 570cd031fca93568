# Invalid except* clauses are errors when they run.
def attempt(label, fn):
    try:
        fn()
    except TypeError as e:
        print(f"{label}: {e}")

def catch_group():
    try:
        raise ExceptionGroup("g", [ValueError()])
    except* ExceptionGroup:
        pass

def catch_group_in_tuple():
    try:
        raise ExceptionGroup("g", [ValueError()])
    except* (ValueError, BaseExceptionGroup):
        pass

def catch_non_exception():
    try:
        raise ExceptionGroup("g", [ValueError()])
    except* int:
        pass

attempt("except* ExceptionGroup", catch_group)
attempt("group in a tuple", catch_group_in_tuple)
attempt("not an exception class", catch_non_exception)
