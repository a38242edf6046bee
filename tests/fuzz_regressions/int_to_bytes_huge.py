(5).to_bytes(2**70)
