print("helper runs as", __name__)
COUNT = 3
_hidden = "h"

def greet(who):
    return f"hello, {who}"

if __name__ == "__main__":
    print("never printed when imported")
