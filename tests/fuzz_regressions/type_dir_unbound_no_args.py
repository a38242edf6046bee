type.__dir__()
