import sys
def main():
    for i in range(3):
        print("iteration", i)
        if i == 1:
            sys.exit(7)
main()
