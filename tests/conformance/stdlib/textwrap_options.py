# Covers: textwrap chunking and line breaking over generated texts and option combinations (hyphens, em-dashes, tabs, indents, max_lines, placeholders) plus shorten and the word splitter
import textwrap
words = ['a', 'bb', 'ccc', 'hello', 'world.', 'Mr.', 'x-y', 'well-known', 'e-mail', 'a--b', '--', 'foo--bar',
         'long' * 6, 'hyphen-ated-word', '"quote."', 'end!', 'why?', '\t', 'tab\tbed', 'x_y', 'Ab-cd', 'ab-c',
         'abc-', '-abc', 'a-b-c', 'ab-cd-ef', '1-2', 'un-\u00e9t\u00e9', 'trailing...', '---', 'x--', '--y', 'nbsp\u00a0here',
         'CR\r', 'vt\x0bff\x0c', '42', 'too-long-hyphenated-compound-word-here']
seed = 12345
def rnd(n):
    global seed
    seed = (seed * 1103515245 + 12345) % 2147483648
    return seed % n
for case in range(90):
    k = rnd(25) + 1
    seps = [' ', ' ', ' ', '  ', '\n', ' \t']
    text = ''
    for i in range(k):
        text += words[rnd(len(words))] + seps[rnd(len(seps))]
    if rnd(3) == 0:
        text = '  ' + text
    width = rnd(30) + 1
    opts = {}
    if rnd(2): opts['break_on_hyphens'] = False
    if rnd(3) == 0: opts['break_long_words'] = False
    if rnd(3) == 0: opts['drop_whitespace'] = False
    if rnd(3) == 0: opts['fix_sentence_endings'] = True
    if rnd(3) == 0: opts['replace_whitespace'] = False
    if rnd(4) == 0: opts['expand_tabs'] = False
    if rnd(3) == 0: opts['initial_indent'] = '* '
    if rnd(3) == 0: opts['subsequent_indent'] = '    '
    if rnd(3) == 0: opts['max_lines'] = rnd(4) + 1
    if rnd(4) == 0: opts['placeholder'] = ['...', ' ~', ''][rnd(3)]
    if rnd(5) == 0: opts['tabsize'] = rnd(5)
    if width < len(opts.get('subsequent_indent', '')) + 1: continue
    try:
        r = textwrap.wrap(text, width, **opts)
    except Exception as e:
        r = 'ERR %s %s' % (type(e).__name__, e)
    print(case, width, sorted(opts.items()), ascii(r))
    try:
        r = textwrap.shorten(text, width + 10)
    except Exception as e:
        r = 'ERR %s %s' % (type(e).__name__, e)
    print(ascii(r))
    print(ascii(textwrap.TextWrapper()._split(text)))
