"""Writes N.out for each line of cases.txt from python3's run of tool.py."""
import os
import subprocess
import sys

here = os.path.dirname(os.path.abspath(__file__))
with open(os.path.join(here, 'cases.txt')) as f:
    cases = f.read().split('\n')[:-1]
for n, line in enumerate(cases):
    args = line.split()
    r = subprocess.run([sys.executable, 'tool.py'] + args, cwd=here,
                       capture_output=True, text=True,
                       env={'PATH': os.environ.get('PATH', '')})
    with open(os.path.join(here, '%d.out' % n), 'w') as f:
        f.write('%d\n--- stdout\n%s--- stderr\n%s' % (r.returncode, r.stdout, r.stderr))
