print("bad runs")
import good
def fail():
    raise ValueError("bad module refuses")
fail()
