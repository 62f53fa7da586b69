print("pkg.sub runs")
X = "sub"
