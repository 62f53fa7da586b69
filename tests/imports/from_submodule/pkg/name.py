print("pkg.name module runs")
