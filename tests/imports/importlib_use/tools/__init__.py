print("tools init")
