def main():
    return "tool main"
print("tool __name__ is", __name__)
if __name__ == "__main__":
    print("tool run as script")
else:
    print("tool imported")
