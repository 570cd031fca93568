# warnings: warn/filters/registries/catch_warnings(record=True), shown on stdout via the records.
import warnings


def show(log):
    for w in log:
        print(w.category.__name__, str(w.message), w.lineno, w.filename == __file__, w.line, w.file)
    log.clear()


def lib(n):
    warnings.warn("lib warning %d" % n, stacklevel=2)


def deep():
    warnings.warn("from deep", DeprecationWarning, stacklevel=3)


def caller():
    deep()


with warnings.catch_warnings(record=True) as log:
    warnings.simplefilter("always")
    warnings.warn("plain")
    warnings.warn("category", RuntimeWarning)
    warnings.warn(UserWarning("instance"))
    warnings.warn(FutureWarning("instance wins", "x"), DeprecationWarning)
    lib(1)
    caller()
    show(log)
    print(str(log[:]), len(log))

# "default": once per (text, category, line).
with warnings.catch_warnings(record=True) as log:
    warnings.simplefilter("default")
    for i in range(3):
        warnings.warn("repeated")
        warnings.warn("other %d" % (i % 2))
    show(log)

# "once": once per (text, category) anywhere; "module": once per module.
with warnings.catch_warnings(record=True) as log:
    warnings.simplefilter("once")
    for i in range(2):
        warnings.warn("same")
    warnings.warn("same")
    show(log)
    warnings.simplefilter("module")
    for i in range(2):
        warnings.warn("mod")
    warnings.warn("mod")
    show(log)

# "ignore" and "error".
with warnings.catch_warnings(record=True) as log:
    warnings.simplefilter("ignore")
    warnings.warn("nothing")
    warnings.simplefilter("error", RuntimeWarning)
    warnings.warn("still nothing")
    try:
        warnings.warn("boom", RuntimeWarning)
    except RuntimeWarning as e:
        print("raised", type(e).__name__, e, e.args)
    show(log)

# filterwarnings: message regex (case-insensitive, anchored at the start), category, module, lineno.
with warnings.catch_warnings(record=True) as log:
    warnings.simplefilter("always")
    warnings.filterwarnings("ignore", message="spam")
    warnings.filterwarnings("ignore", category=BytesWarning)
    warnings.filterwarnings("ignore", module="other_module")
    warnings.warn("SPAM and eggs")
    warnings.warn("eggs and spam")
    warnings.warn("bytes", BytesWarning)
    warnings.warn("sub", UnicodeWarning)
    warnings.filterwarnings("error", module="__main__", lineno=87)
    try:
        warnings.warn("line 87")
    except UserWarning as e:
        print("error at 87:", e)
    warnings.warn("not 87")
    show(log)
    print([f[0] for f in warnings.filters][:5])

# Default filters: DeprecationWarning is shown in __main__ (once per location), ignored elsewhere.
print(warnings.filters[-4:])
with warnings.catch_warnings(record=True) as log:
    for i in range(2):
        warnings.warn("dep in main", DeprecationWarning)
    warnings.warn("pending", PendingDeprecationWarning)
    warnings.warn("import", ImportWarning)
    warnings.warn("resource", ResourceWarning)
    warnings.warn_explicit("dep elsewhere", DeprecationWarning, "lib.py", 5, module="lib")
    warnings.warn_explicit("user elsewhere", UserWarning, "lib.py", 6, module="lib")
    warnings.warn_explicit("no module", UserWarning, "x/thing.py", 7)
    show(log)

# catch_warnings with action (3.11), restoring filters and showwarning.
before = list(warnings.filters)
with warnings.catch_warnings(record=True, action="ignore") as log:
    warnings.warn("hidden")
    print(warnings.filters[0][0], log)
print(warnings.filters == before, warnings.showwarning is warnings._showwarning_orig)
print(repr(warnings.catch_warnings(record=True)), repr(warnings.catch_warnings()))

# Registry.
reg = {}
with warnings.catch_warnings(record=True) as log:
    warnings.simplefilter("default")
    warnings.warn_explicit("r", UserWarning, "f.py", 3, registry=reg)
    warnings.warn_explicit("r", UserWarning, "f.py", 3, registry=reg)
    print(sorted((k, v) for k, v in reg.items() if k != "version"), len(log))

# showwarning / formatwarning replaced by the user.
print(repr(warnings.formatwarning("msg", UserWarning, "file.py", 12, "  code line  ")))
print(repr(warnings.formatwarning("msg", UserWarning, "file.py", 12, "")))
m = warnings.WarningMessage("m", UserWarning, "f", 3)
print(str(m), m.source, m._WARNING_DETAILS)
old = warnings.showwarning


def mine(message, category, filename, lineno, file=None, line=None):
    print("mine:", message, category.__name__, lineno)


warnings.showwarning = mine
with warnings.catch_warnings():
    warnings.simplefilter("always")
    warnings.warn("custom")
warnings.showwarning = old

# Errors.
for bad in [lambda: warnings.warn("x", int), lambda: warnings.warn("x", "cat"),
            lambda: warnings.simplefilter("bogus"), lambda: warnings.filterwarnings("ignore", 5),
            lambda: warnings.filterwarnings("ignore", category=int),
            lambda: warnings.simplefilter("ignore", lineno=-1)]:
    try:
        bad()
    except (TypeError, AssertionError) as e:
        print(type(e).__name__, e)
