WHERE = "found through a new sys.path list"
