import sys
EARLY = "defined before the import"
import selfish
from selfish import EARLY as again
print("selfish sees itself:", selfish is sys.modules["selfish"], again)
try:
    from selfish import LATE
except ImportError as e:
    print(str(e).split(" (")[0])
LATE = 1
