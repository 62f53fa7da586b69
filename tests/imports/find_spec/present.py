print("present runs")
