# Covers: argparse help and usage layout over generated parsers (option names, metavars, nargs, groups, mutually exclusive groups, help texts) at many widths
import argparse
seed = 2024
def rnd(n):
    global seed
    seed = (seed * 1103515245 + 12345) % 2147483648
    return (seed >> 8) % n
words = ['input', 'output', 'verbose', 'level', 'x', 'config-file', 'dry-run', 'n', 'threads', 'a-very-long-option-name-here']
helps = [None, 'short help', 'a rather longer help text that will need wrapping when the width is small enough', 'uses %(default)s', '']
nargss = [None, None, '?', '*', '+', 2, 1, argparse.REMAINDER]
for case in range(60):
    width = rnd(70) + 20
    p = argparse.ArgumentParser(prog=['prog', 'a-much-longer-program-name', 'p'][rnd(3)], add_help=rnd(3) > 0,
                                formatter_class=lambda prog, w=width: argparse.HelpFormatter(prog, width=w, max_help_position=rnd(30) + 4),
                                description=helps[rnd(len(helps))])
    used = set()
    groups = [p]
    if rnd(3) == 0:
        groups.append(p.add_argument_group('extra group', helps[rnd(len(helps))]))
    mx = p.add_mutually_exclusive_group(required=rnd(4) == 0) if rnd(3) == 0 else None
    for k in range(rnd(7) + 1):
        name = words[rnd(len(words))]
        if name in used:
            continue
        used.add(name)
        kind = rnd(4)
        kw = {'help': helps[rnd(len(helps))]}
        if kind == 0:
            kw['nargs'] = [None, '?', '*', '+', 2][rnd(5)]
            if rnd(3) == 0:
                kw['metavar'] = name.upper()[:4]
            if rnd(4) == 0 and kw['nargs'] != 2:
                kw['choices'] = ['a', 'b', 'c']
            groups[rnd(len(groups))].add_argument(name.replace('-', '_'), **kw)
        else:
            opts = ['--' + name] if len(name) > 1 else ['-' + name]
            if rnd(2) and len(name) > 1:
                opts.insert(0, '-' + name[0] + str(k))
            target = mx if (mx is not None and rnd(2)) else groups[rnd(len(groups))]
            if kind == 1:
                kw['action'] = 'store_true'
            else:
                kw['nargs'] = nargss[rnd(len(nargss))]
                if rnd(3) == 0:
                    kw['metavar'] = 'VAL'
                if rnd(3) == 0:
                    kw['required'] = target is not mx
            target.add_argument(*opts, **kw)
    if mx is not None and not mx._group_actions:
        mx.add_argument('--fallback', action='store_true')
    print('case', case, width)
    print(p.format_help())
