print("leaf runs")
def where():
    return __name__
