print("extra from lib")
WHERE = "lib"
