# Covers: html.escape (quote on/off), html.unescape with named references (with and without ';', longest legacy prefix), decimal/hex numeric references, invalid and replaced code points; the html.entities tables
import html
from html import entities
print(html.escape('<a href="x">Tom & \'Jerry\'</a>'))
print(html.escape('<a href="x">Tom & \'Jerry\'</a>', quote=False))
print(html.escape(''), html.escape('plain'))
cases = [
    '&amp; &lt; &gt; &quot; &#39; &#x27;',
    '&amp &lt &gt &copy2019 &notit; &notin; &noti',
    '&ampamp; &AMP; &Amp; &amp;amp;',
    '&#65;&#x42;&#X43;&#0068 &#x45',
    '&#0; &#13; &#128; &#x81; &#x9F; &#150;',
    '&#xD800; &#1114112; &#x110000; &#99999999999999999999;',
    '&#1; &#11; &#x7f; &#xFDD0; &#xFFFE; &#x1FFFF; &#x10FFFE;',
    '& &# &#; &#x; &#xg; &; &&amp; a&b c & d',
    '&nbsp;x&ensp;&emsp;&hellip;&mdash;&rarr;&hearts;',
    '&NotNestedGreaterGreater; &acE; &bne; &fjlig; &ThickSpace;',
    '&abcdefghijklmnopqrstuvwxyzabcdefghij; &zwj;&zwnj;',
    '&lt\t&gt\n&amp;&#60&#x3c',
    'no refs here',
    '&eacute;t&eacute; &Eacute;cole &eacutex',
]
for c in cases:
    print(ascii(html.unescape(c)))
print(len(entities.html5), len(entities.name2codepoint), len(entities.codepoint2name), len(entities.entitydefs))
joined = ''.join(k + v for k, v in sorted(entities.html5.items()))
print(len(joined), sum(map(ord, joined)), sum((i % 997 + 1) * ord(c) for i, c in enumerate(joined)))
print(entities.name2codepoint['eacute'], entities.codepoint2name[0x3b1], ascii(entities.entitydefs['nbsp']))
print(entities.html5['amp'], entities.html5['amp;'], 'ampx' in entities.html5)
names = sorted(k for k in entities.html5 if not k.endswith(';'))
print(len(names), names[:8], names[-4:])
print(all(html.unescape('&' + k) == v for k, v in entities.html5.items()))
print(html.unescape(html.escape('<&>"\' x')))
