# Covers: hashlib constructors and new(name), update/digest/hexdigest/copy,
# name/digest_size/block_size, blake2 digest_size, shake lengths,
# pbkdf2_hmac, algorithms_guaranteed, and the str TypeError.
import hashlib

for name in ["md5", "sha1", "sha224", "sha256", "sha384", "sha512",
             "sha3_224", "sha3_256", "sha3_384", "sha3_512", "blake2b", "blake2s"]:
    h = getattr(hashlib, name)(b"abc")
    print(name, h.name, h.digest_size, h.block_size, h.hexdigest())
    print("   ", hashlib.new(name, b"abc").hexdigest() == h.hexdigest(), getattr(hashlib, name)().hexdigest()[:16])
h = hashlib.new("sha256")
h.update(b"ab")
h2 = h.copy()
h2.update(b"c")
print(h.hexdigest(), h2.hexdigest(), h2.digest()[:6])
print(hashlib.sha256(b"a" * 1000).hexdigest(), hashlib.md5(bytearray(b"xyz")).hexdigest())
print(hashlib.blake2b(b"x", digest_size=16).hexdigest(), hashlib.blake2s(b"x", digest_size=8).hexdigest())
print(hashlib.shake_128(b"x").hexdigest(5), hashlib.shake_256(b"x").digest(7), hashlib.shake_128().name)
print(sorted(hashlib.algorithms_guaranteed))
print(hashlib.pbkdf2_hmac("sha256", b"pw", b"salt", 1000).hex())
print(hashlib.pbkdf2_hmac("sha1", b"password", b"salt", 2, 30).hex())
print(hashlib.new("SHA256", data=b"q").hexdigest()[:20])
for call in [lambda: hashlib.sha256("str"), lambda: hashlib.new("nope"), lambda: hashlib.md5(5)]:
    try:
        call()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
