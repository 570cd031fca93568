print("ping: start")
EARLY = "ping.EARLY"

from . import pong  # pong imports ping back: it sees this partially initialised module

LATE = "ping.LATE"


def hello():
    return "ping.hello -> " + pong.hello_back()


print("ping: end")
