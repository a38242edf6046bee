"abc".center(2**40)
