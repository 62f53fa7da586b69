import second
def hello():
    return "hello from first"
