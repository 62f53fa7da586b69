print("tools.fmt runs")
def shout(s):
    return s.upper() + "!"
