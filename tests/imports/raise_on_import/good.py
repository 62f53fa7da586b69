print("good runs")
