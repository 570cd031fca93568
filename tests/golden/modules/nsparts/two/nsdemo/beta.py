WHO = "portion two"
from . import alpha
SEES = alpha.WHO
