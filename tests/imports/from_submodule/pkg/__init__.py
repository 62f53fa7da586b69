name = "attribute wins"
