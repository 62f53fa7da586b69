print("counter runs")
hits = 0
