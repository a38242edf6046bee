# An argparse program run with several command lines by tests/argparse_cli.rs:
# its stdout, stderr and exit status must be python3's.
import argparse

parser = argparse.ArgumentParser(description='Copy records between stores.')
parser.add_argument('source', help='where to read')
parser.add_argument('dest', nargs='?', default='-', help='where to write')
parser.add_argument('-n', '--count', type=int, default=10, help='records to copy')
parser.add_argument('--mode', choices=['fast', 'safe'], default='safe')
parser.add_argument('--version', action='version', version='%(prog)s 3.1')
group = parser.add_mutually_exclusive_group()
group.add_argument('-q', '--quiet', action='store_true')
group.add_argument('-v', '--verbose', action='count', default=0)
sub = parser.add_subparsers(dest='command')
sync = sub.add_parser('sync', help='synchronise')
sync.add_argument('--force', action='store_true')
args = parser.parse_args()
print(args)
