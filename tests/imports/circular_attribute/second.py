import first
def later():
    return first.hello()
try:
    first.hello()
except AttributeError as e:
    print("while loading:", e)
