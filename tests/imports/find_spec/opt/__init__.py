print("opt package runs")
