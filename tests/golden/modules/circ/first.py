from .second import helper  # second does 'from .first import VALUE' before VALUE exists

VALUE = 1
