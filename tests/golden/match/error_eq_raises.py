# A value pattern calls __eq__; an exception from it propagates out of the match.
class Fussy:
    def __eq__(self, other):
        if isinstance(other, str):
            raise TypeError("cannot compare Fussy with str")
        return False

class Const:
    NUMBER = 1
    WORD = "word"

match Fussy():
    case Const.NUMBER:
        print("unreachable")
    case Const.WORD:
        print("unreachable")
