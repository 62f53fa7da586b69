# A module with its own __getattr__ (PEP 562): it computes some names on
# first use and caches them, and fails for the rest.
calls = []
plain = "plain"


def __getattr__(name):
    calls.append(name)
    if name.startswith("dyn_"):
        value = name[4:].upper()
        globals()[name] = value
        return value
    if name == "broken":
        raise KeyError("not an AttributeError")
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
