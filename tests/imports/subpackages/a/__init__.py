print("init a", __name__)
NAME = "a"
