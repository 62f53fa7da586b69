print("beta starts")
from alpha import a
