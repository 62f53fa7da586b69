print("mod starts")
from ... import nothing
