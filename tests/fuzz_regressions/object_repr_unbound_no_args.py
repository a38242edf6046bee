object.__repr__()
