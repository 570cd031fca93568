# hashlib: md5/sha1/sha2 digests, update, copy, name/digest_size/block_size, new(), errors.
import hashlib

for name in ["md5", "sha1", "sha224", "sha256", "sha384", "sha512"]:
    h = getattr(hashlib, name)(b"hello world")
    print(name, h.name, h.digest_size, h.block_size, h.hexdigest())
h = hashlib.sha256()
h.update(b"hello ")
c = h.copy()
h.update(b"world")
print(h.hexdigest() == hashlib.sha256(b"hello world").hexdigest(), c.hexdigest())
print(hashlib.md5(b"").digest(), len(hashlib.sha512(b"x" * 1000).digest()))
print(hashlib.new("sha1", b"abc").hexdigest(), hashlib.new("SHA256").name)
print(hashlib.sha256("caf\u00e9".encode()).hexdigest())
for bad in [lambda: hashlib.sha256("text"), lambda: hashlib.new("nope"), lambda: hashlib.md5().update("s")]:
    try:
        bad()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
