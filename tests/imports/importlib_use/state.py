print("state runs")
try:
    loaded += 1
except NameError:
    loaded = 1
