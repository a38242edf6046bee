# Covers: textwrap.wrap/fill/shorten/dedent/indent and TextWrapper options: indents, max_lines with placeholder, long words, hyphens, em-dashes, sentence endings, tabs, errors
import textwrap
text = ("The quick brown fox jumps over the lazy dog.  Pack my box with five dozen "
        "liquor jugs! A well-known e-mail--with dashes--arrived; supercalifragilisticexpialidocious words break.")
for w in (10, 25, 40, 70):
    print(w, textwrap.wrap(text, w))
print(textwrap.fill(text, 30, initial_indent='> ', subsequent_indent='  | '))
print(textwrap.fill(text, 20, break_long_words=False))
print(textwrap.fill(text, 20, break_on_hyphens=False))
print(textwrap.wrap(text, 30, max_lines=3))
print(textwrap.wrap(text, 30, max_lines=2, placeholder=' (more)'))
print(textwrap.wrap('Hello.  World? yes.  "Quoted." ok', 12, fix_sentence_endings=True))
print(textwrap.wrap('a\tb\tc  d\ne', 6), textwrap.wrap('a\tb\tc', 6, expand_tabs=False), textwrap.wrap('a\tb', 20, tabsize=4))
print(textwrap.wrap('  lead and trail  ', 8), textwrap.wrap('  lead and trail  ', 8, drop_whitespace=False))
print(textwrap.wrap('keep\nnewlines\there', 30, replace_whitespace=False))
print(textwrap.shorten('Hello  world!', 12), '|', textwrap.shorten('Hello world!', 11), '|', textwrap.shorten('Hello world', 11, placeholder='...'))
print(textwrap.shorten('  many   spaces\n\tand tabs here ', 15))
print(textwrap.wrap('', 10), textwrap.wrap('   ', 10), textwrap.fill('x', 1))
for bad in [dict(width=0), dict(width=5, max_lines=1, placeholder=' [......]')]:
    try:
        textwrap.wrap('some words here', **bad)
    except ValueError as e:
        print('ValueError', e)
w = textwrap.TextWrapper(width=15, subsequent_indent='  ')
print(w.wrap('one two three four five six'))
w.width = 9
print(w.fill('one two three four five six'))
print(repr(textwrap.dedent('''\
    def f():
        return 1
      \t
    # end
''')))
print(repr(textwrap.dedent('  a\n\tb\n')), repr(textwrap.dedent(' \t x\n \t y\n  \n')), repr(textwrap.dedent('\n\n   x\n   ')))
print(repr(textwrap.dedent('    a\n      b\n   c')), repr(textwrap.dedent('no indent\n  here')))
print(repr(textwrap.indent('a\n\nb\n  \nc', '> ')))
print(repr(textwrap.indent('a\nb\r\nc', '+', lambda line: 'b' not in line)))
print(repr(textwrap.indent('x\n', '  ', predicate=lambda l: True)))
