def main():
    return "main() of _runnable ran"


print("_runnable body runs with __name__ =", __name__)

if __name__ == "__main__":
    print("this line only runs when _runnable is the script")
    main()
