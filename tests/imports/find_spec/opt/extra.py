print("opt.extra runs")
