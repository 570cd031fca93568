# A directory without __init__.py is a namespace package (PEP 420): its portions may be spread over
# several sys.path entries, and it runs no code of its own.
import os
import sys

here = os.path.dirname(os.path.abspath(__file__))
sys.path.append(os.path.join(here, "nsparts", "one"))
sys.path.append(os.path.join(here, "nsparts", "two"))

import nsdemo

print(nsdemo.__name__, nsdemo.__file__, nsdemo.__package__, nsdemo.__doc__)
print([os.path.relpath(p, here) for p in nsdemo.__path__])
import nsdemo.alpha
import nsdemo.beta

print(nsdemo.alpha.WHO, "|", nsdemo.beta.WHO, "|", nsdemo.beta.SEES)
print(nsdemo.beta.__package__, os.path.relpath(nsdemo.beta.__file__, here))
from nsdemo import alpha

print(alpha is nsdemo.alpha)
