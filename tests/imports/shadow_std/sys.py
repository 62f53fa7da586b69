print("WRONG: local sys.py ran")
