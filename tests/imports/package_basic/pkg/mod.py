print("pkg.mod init", __name__, __package__)
def f():
    return "pkg.mod.f"
