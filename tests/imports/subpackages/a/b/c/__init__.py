print("init a.b.c", __name__)
NAME = "a.b.c"
