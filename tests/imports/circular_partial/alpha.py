print("alpha starts")
import beta
def a():
    return "a"
