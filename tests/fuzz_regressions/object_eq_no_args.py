print("before")
object().__eq__()
