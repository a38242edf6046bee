"abc".center(2**70)
