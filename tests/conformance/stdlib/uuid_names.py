# Covers: uuid.uuid3 and uuid.uuid5 (name-based UUIDs from MD5 and SHA-1) in every namespace, with non-ASCII names, and their version/variant; name type errors
import uuid
for ns in (uuid.NAMESPACE_DNS, uuid.NAMESPACE_URL, uuid.NAMESPACE_OID, uuid.NAMESPACE_X500):
    for name in ('python.org', 'http://python.org/', '1.3.6.1', 'cn=x', '', '\u00e9t\u00e9 \u2603'):
        a, b = uuid.uuid3(ns, name), uuid.uuid5(ns, name)
        print(a, a.version, b, b.version, a.variant == b.variant == uuid.RFC_4122)
try:
    uuid.uuid3(uuid.NAMESPACE_DNS, b'bytes')
except TypeError as e:
    print('TypeError', e)
try:
    uuid.uuid5(uuid.NAMESPACE_DNS, None)
except TypeError as e:
    print('TypeError', e)
print(uuid.uuid5(uuid.uuid3(uuid.NAMESPACE_DNS, 'a'), 'b'))
