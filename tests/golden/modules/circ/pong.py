print("pong: start")
from . import ping  # ping is in sys.modules already (partially initialised): no second execution

print("pong sees ping.EARLY:", ping.EARLY)
print("pong sees ping.LATE yet:", hasattr(ping, "LATE"))


def hello_back():
    # By the time this runs, ping has finished.
    return "pong.hello_back sees " + ping.LATE


print("pong: end")
