print("init a.b", __name__)
NAME = "a.b"
