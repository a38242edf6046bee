# Covers: argparse basics: parse_args with a positional nargs=+, store_const, count, choices; format_help and format_usage
import argparse
p = argparse.ArgumentParser(prog='prog', description='A test program that does things.', epilog='And that is all.')
p.add_argument('integers', metavar='N', type=int, nargs='+', help='an integer for the accumulator')
p.add_argument('--sum', dest='accumulate', action='store_const', const=sum, default=max, help='sum the integers (default: find the max)')
p.add_argument('-v', '--verbose', action='count', default=0)
p.add_argument('--mode', choices=['fast', 'slow'], default='fast', help='mode (default: %(default)s)')
print(p.parse_args(['1', '2', '3', '--sum', '-vv']))
print(p.format_help())
print(p.format_usage())
