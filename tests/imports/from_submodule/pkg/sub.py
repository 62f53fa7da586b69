print("pkg.sub runs")
ITEM = "item"
