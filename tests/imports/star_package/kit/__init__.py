__all__ = ["hammer", "saw", "LABEL"]
LABEL = "kit"
