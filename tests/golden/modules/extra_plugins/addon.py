NAME = "found through the extended __path__"
