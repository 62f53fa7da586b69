print("pkg.other init")
VALUE = 42
