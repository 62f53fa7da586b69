print("WRONG: local time.py ran")
