try:
    runs += 1
except NameError:
    runs = 1
print("flaky run", runs)
if runs == 2:
    raise RuntimeError("second run fails")
