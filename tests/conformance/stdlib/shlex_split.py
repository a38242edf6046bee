import shlex
for s in ['a b c', 'a "b c" d', "it's 'quoted here'", 'esc\\ aped "in \\"dq\\""', '  lead  trail  ',
          'cmd --opt="x y" # comment', "a'b'c", '"unterminated']:
    try:
        print(repr(s), shlex.split(s))
    except ValueError as e:
        print(repr(s), 'ValueError', e)
print(shlex.split('a # b', comments=True), shlex.split('a\\ b', posix=False))
print(shlex.quote(''), shlex.quote('safe-word_1.txt'), shlex.quote("it's"), shlex.quote('a b'), shlex.quote('$HOME'))
print(shlex.join(['ls', '-l', 'my file', "it's"]))
lx = shlex.shlex('a=1; b = "two words"', posix=True)
print(list(lx))
lx = shlex.shlex('x && y || z', punctuation_chars=True)
print(list(lx))
lx = shlex.shlex("one two", posix=True)
lx.whitespace_split = True
print(lx.get_token(), lx.get_token(), repr(lx.get_token()))
lx = shlex.shlex('foo(bar, baz)')
print(list(lx))
lx = shlex.shlex('a b', posix=True)
lx.push_token('first')
print(list(lx))
print(shlex.split(''), shlex.split('x', posix=True))
lx = shlex.shlex('abc "d e"')
print(lx.get_token(), lx.get_token(), repr(lx.get_token()), lx.lineno)
