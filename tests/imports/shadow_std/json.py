print("local json module")
def dumps(obj):
    return "local:" + repr(obj)
