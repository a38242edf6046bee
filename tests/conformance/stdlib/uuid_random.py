# Covers: uuid.uuid4 and uuid.uuid1 with the default node and clock sequence (properties only: version, variant, uniqueness, ordering in time), getnode stability
import uuid
us = [uuid.uuid4() for _ in range(50)]
print(all(u.version == 4 and u.variant == uuid.RFC_4122 for u in us), len(set(us)), len(set(u.hex for u in us)))
print(all(len(str(u)) == 36 and str(u)[14] == '4' and str(u)[19] in '89ab' for u in us))
a, b = uuid.uuid1(), uuid.uuid1()
print(a.version, b.version, a.variant == uuid.RFC_4122, a != b, a.time <= b.time, a.node == b.node == uuid.getnode())
print(0 <= uuid.getnode() < 2 ** 48, uuid.getnode() == uuid.getnode(), type(uuid.getnode()).__name__)
print(isinstance(uuid.uuid4().bytes, bytes), len(uuid.uuid4().bytes_le))
