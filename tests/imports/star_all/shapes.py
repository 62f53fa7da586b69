__all__ = ["Circle", "area", "_special"]
class Circle:
    def __init__(self, r):
        self.r = r
def area(c):
    return 3 * c.r * c.r
def helper():
    return "not exported"
_special = "exported by __all__"
