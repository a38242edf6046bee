"""Command-line parsing library (CPython 3.11's argparse).

Parsers, arguments (positional and optional, with types, choices, defaults,
nargs and actions), subparsers, argument groups and mutually exclusive
groups, with CPython's help and usage layout and error messages.

weft notes: the nargs patterns CPython matches with regular expressions are
matched by a small backtracking matcher, and the usage line is split and
tidied by hand, so `import argparse` needs no regex engine. The help width
comes from shutil.get_terminal_size() when that module exists, else from the
COLUMNS environment variable, else 80 columns. The code is split into
argparse._common, _help, _actions and _parser (CPython has one file).
"""

__version__ = '1.1'
__all__ = [
    'ArgumentParser', 'ArgumentError', 'ArgumentTypeError',
    'BooleanOptionalAction', 'FileType', 'HelpFormatter',
    'ArgumentDefaultsHelpFormatter', 'RawDescriptionHelpFormatter',
    'RawTextHelpFormatter', 'MetavarTypeHelpFormatter', 'Namespace',
    'Action', 'ONE_OR_MORE', 'OPTIONAL', 'PARSER', 'REMAINDER', 'SUPPRESS',
    'ZERO_OR_MORE',
]

from argparse._common import (
    SUPPRESS, OPTIONAL, ZERO_OR_MORE, ONE_OR_MORE, PARSER, REMAINDER,
    _UNRECOGNIZED_ARGS_ATTR, _AttributeHolder, _get_action_name,
    ArgumentError, ArgumentTypeError, ngettext)
from argparse._help import (
    HelpFormatter, RawDescriptionHelpFormatter, RawTextHelpFormatter,
    ArgumentDefaultsHelpFormatter, MetavarTypeHelpFormatter)
from argparse._actions import (
    Action, BooleanOptionalAction, _StoreAction, _StoreConstAction,
    _StoreTrueAction, _StoreFalseAction, _AppendAction, _AppendConstAction,
    _CountAction, _HelpAction, _VersionAction, _SubParsersAction,
    _ExtendAction, FileType, Namespace)
from argparse._parser import (
    _ActionsContainer, _ArgumentGroup, _MutuallyExclusiveGroup,
    ArgumentParser)
