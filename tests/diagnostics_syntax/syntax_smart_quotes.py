# Mistake: typographic quotes pasted from a document.
print(“hello”)
