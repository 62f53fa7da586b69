print("drill is never imported")
