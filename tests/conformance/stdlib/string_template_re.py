# Covers: string.Template subclasses that override idpattern, braceidpattern, flags or pattern (compiled with re), inherited overrides, Template.pattern
import re
import string
class T(string.Template):
    delimiter = '%'
    idpattern = '[a-z]+_[a-z]+'
class T2(T):
    pass
class Braced(string.Template):
    braceidpattern = r'[A-Z ]+'
class Cased(string.Template):
    flags = 0
class P(string.Template):
    pattern = r'@(?:(?P<escaped>@)|(?P<named>[a-z]+)|{(?P<braced>[a-z]+)}|(?P<invalid>))'
print(T('%who_me %% %{ab_cd} %x').safe_substitute(who_me=1, ab_cd=2), T2('%a_b c').substitute(a_b=5))
print(T.pattern.pattern.split()[:3], T2.pattern is not None, isinstance(string.Template.pattern, re.Pattern))
print(string.Template.pattern.pattern.split()[:3], string.Template.flags == re.IGNORECASE)
print(Braced('${HELLO WORLD} $name').substitute({'HELLO WORLD': 1, 'name': 2}), Braced.pattern.groupindex['braced'])
print(Cased('$abc $ABC').safe_substitute(abc=1, ABC=2), Cased('$Abc').get_identifiers(), Cased('$1').is_valid())
print(P('@x @@ @{y}').substitute(x=1, y=2), P('@x @z').safe_substitute(x=7), P('@q @{r}').get_identifiers())
for t, kw in [(P('@1'), {}), (T('%A_b'), {}), (T('ok %a_b\n%'), {'a_b': 1})]:
    try:
        print(t.substitute(**kw))
    except (ValueError, KeyError) as e:
        print(type(e).__name__, e)
