# warnings shown on stderr in CPython's format: "file:line: Category: message" and the source line.
import sys
import warnings


def old_api():
    warnings.warn("old_api is deprecated", DeprecationWarning, stacklevel=2)


warnings.warn("first")
for i in range(3):
    warnings.warn("in a loop (shown once)", RuntimeWarning)
old_api()
warnings.warn_explicit("explicit", UserWarning, "nowhere.py", 10)
print(warnings.formatwarning("formatted", FutureWarning, __file__, 14).replace(__file__, "FILE"), end="")
sys.stderr.flush()
print("done")
warnings.warn("last one", SyntaxWarning)
