"""Command-line parsing (the common part of CPython 3.11's `argparse`, written for pvm).

Supported: positional and optional arguments, actions store/store_const/store_true/store_false/append/
append_const/count/help/version, type, default, choices, required, nargs (None, N, '?', '*', '+'),
dest/metavar, `--opt=value`, `-n5`, clustered short flags, `--`, parse_known_args, subparsers,
mutually-exclusive-free argument groups, and CPython's usage/help layout and error messages
(usage + `prog: error: ...` on stderr, exit status 2).
"""

import os as _os
import sys as _sys

__all__ = [
    "ArgumentParser", "ArgumentError", "ArgumentTypeError", "Namespace", "Action",
    "HelpFormatter", "SUPPRESS", "OPTIONAL", "ZERO_OR_MORE", "ONE_OR_MORE", "REMAINDER",
    "FileType",
]

SUPPRESS = "==SUPPRESS=="
OPTIONAL = "?"
ZERO_OR_MORE = "*"
ONE_OR_MORE = "+"
PARSER = "A..."
REMAINDER = "..."


class Namespace:
    """Attributes set by parse_args."""

    def __init__(self, **kwargs):
        for name, value in kwargs.items():
            setattr(self, name, value)

    def __repr__(self):
        args = ", ".join(f"{k}={v!r}" for k, v in self.__dict__.items())
        return f"Namespace({args})"

    def __eq__(self, other):
        if not isinstance(other, Namespace):
            return NotImplemented
        return vars(self) == vars(other)

    def __contains__(self, key):
        return key in self.__dict__


class ArgumentError(Exception):
    def __init__(self, argument, message):
        self.argument_name = _get_action_name(argument)
        self.message = message

    def __str__(self):
        if self.argument_name is None:
            return self.message
        return "argument %s: %s" % (self.argument_name, self.message)


class ArgumentTypeError(Exception):
    pass


def _get_action_name(argument):
    if argument is None:
        return None
    if argument.option_strings:
        return "/".join(argument.option_strings)
    if argument.metavar not in (None, SUPPRESS):
        return argument.metavar
    if argument.dest not in (None, SUPPRESS):
        return argument.dest
    return None


class Action:
    def __init__(self, option_strings, dest, nargs=None, const=None, default=None, type=None,
                 choices=None, required=False, help=None, metavar=None):
        self.option_strings = option_strings
        self.dest = dest
        self.nargs = nargs
        self.const = const
        self.default = default
        self.type = type
        self.choices = choices
        self.required = required
        self.help = help
        self.metavar = metavar

    def __call__(self, parser, namespace, values, option_string=None):
        raise NotImplementedError("Action subclasses must define __call__")


class _StoreAction(Action):
    def __init__(self, option_strings, dest, nargs=None, **kwargs):
        if nargs == 0:
            raise ValueError("nargs for store actions must be != 0; if you have nothing to store, actions such as store true or store const may be more appropriate")
        super().__init__(option_strings, dest, nargs=nargs, **kwargs)

    def __call__(self, parser, namespace, values, option_string=None):
        setattr(namespace, self.dest, values)


class _StoreConstAction(Action):
    def __init__(self, option_strings, dest, const=None, default=None, required=False, help=None, metavar=None):
        super().__init__(option_strings, dest, nargs=0, const=const, default=default, required=required, help=help)

    def __call__(self, parser, namespace, values, option_string=None):
        setattr(namespace, self.dest, self.const)


class _StoreTrueAction(_StoreConstAction):
    def __init__(self, option_strings, dest, default=False, required=False, help=None):
        super().__init__(option_strings, dest, const=True, default=default, required=required, help=help)


class _StoreFalseAction(_StoreConstAction):
    def __init__(self, option_strings, dest, default=True, required=False, help=None):
        super().__init__(option_strings, dest, const=False, default=default, required=required, help=help)


class _AppendAction(Action):
    def __call__(self, parser, namespace, values, option_string=None):
        items = getattr(namespace, self.dest, None)
        items = [] if items is None else list(items)
        items.append(values)
        setattr(namespace, self.dest, items)


class _AppendConstAction(Action):
    def __init__(self, option_strings, dest, const=None, default=None, required=False, help=None, metavar=None):
        super().__init__(option_strings, dest, nargs=0, const=const, default=default, required=required, help=help, metavar=metavar)

    def __call__(self, parser, namespace, values, option_string=None):
        items = getattr(namespace, self.dest, None)
        items = [] if items is None else list(items)
        items.append(self.const)
        setattr(namespace, self.dest, items)


class _CountAction(Action):
    def __init__(self, option_strings, dest, default=None, required=False, help=None):
        super().__init__(option_strings, dest, nargs=0, default=default, required=required, help=help)

    def __call__(self, parser, namespace, values, option_string=None):
        count = getattr(namespace, self.dest, None)
        if count is None:
            count = 0
        setattr(namespace, self.dest, count + 1)


class _HelpAction(Action):
    def __init__(self, option_strings, dest=SUPPRESS, default=SUPPRESS, help=None):
        super().__init__(option_strings, dest, nargs=0, default=default, help=help)

    def __call__(self, parser, namespace, values, option_string=None):
        parser.print_help()
        parser.exit()


class _VersionAction(Action):
    def __init__(self, option_strings, version=None, dest=SUPPRESS, default=SUPPRESS,
                 help="show program's version number and exit"):
        super().__init__(option_strings, dest, nargs=0, default=default, help=help)
        self.version = version

    def __call__(self, parser, namespace, values, option_string=None):
        print(self.version.replace("%(prog)s", parser.prog))
        parser.exit()


class _SubParsersAction(Action):
    def __init__(self, option_strings, prog, parser_class, dest=SUPPRESS, required=False, help=None, metavar=None):
        self._prog_prefix = prog
        self._parser_class = parser_class
        self._name_parser_map = {}
        self._choices_actions = []
        super().__init__(option_strings, dest, nargs=PARSER, choices=self._name_parser_map,
                         required=required, help=help, metavar=metavar)

    def add_parser(self, name, **kwargs):
        if kwargs.get("prog") is None:
            kwargs["prog"] = "%s %s" % (self._prog_prefix, name)
        aliases = kwargs.pop("aliases", ())
        help = kwargs.pop("help", None)
        if help is not None:
            choice_action = Action([], dest=name, help=help, metavar=name)
            self._choices_actions.append(choice_action)
        parser = self._parser_class(**kwargs)
        self._name_parser_map[name] = parser
        for alias in aliases:
            self._name_parser_map[alias] = parser
        return parser

    def __call__(self, parser, namespace, values, option_string=None):
        parser_name = values[0]
        arg_strings = values[1:]
        if self.dest is not SUPPRESS:
            setattr(namespace, self.dest, parser_name)
        try:
            subparser = self._name_parser_map[parser_name]
        except KeyError:
            choices = ", ".join(map(repr, self._name_parser_map))
            msg = "invalid choice: %r (choose from %s)" % (parser_name, choices)
            raise ArgumentError(self, msg)
        subnamespace, arg_strings = subparser.parse_known_args(arg_strings, None)
        for key, value in vars(subnamespace).items():
            setattr(namespace, key, value)
        if arg_strings:
            vars(namespace).setdefault("_UNRECOGNIZED_ARGS", [])
            getattr(namespace, "_UNRECOGNIZED_ARGS").extend(arg_strings)


_ACTIONS = {
    None: _StoreAction,
    "store": _StoreAction,
    "store_const": _StoreConstAction,
    "store_true": _StoreTrueAction,
    "store_false": _StoreFalseAction,
    "append": _AppendAction,
    "append_const": _AppendConstAction,
    "count": _CountAction,
    "help": _HelpAction,
    "version": _VersionAction,
    "parsers": _SubParsersAction,
}


class FileType:
    """Argument type opening the named file ('-' is stdin/stdout)."""

    def __init__(self, mode="r", bufsize=-1, encoding=None, errors=None):
        self._mode = mode
        self._encoding = encoding

    def __call__(self, string):
        if string == "-":
            return _sys.stdin if "r" in self._mode else _sys.stdout
        try:
            return open(string, self._mode, encoding=self._encoding) if "b" not in self._mode else open(string, self._mode)
        except OSError as e:
            raise ArgumentTypeError("can't open '%s': %s" % (string, e))


class HelpFormatter:
    """CPython's default layout: usage line, sections, help column at most 24."""

    def __init__(self, prog, indent_increment=2, max_help_position=24, width=None):
        if width is None:
            try:
                width = int(_os.environ["COLUMNS"])
            except (KeyError, ValueError):
                width = 80
            width -= 2
        self._prog = prog
        self._width = width
        self._max_help_position = min(max_help_position, max(width - 20, indent_increment * 2))


class _ArgumentGroup:
    def __init__(self, container, title=None, description=None):
        self._container = container
        self.title = title
        self.description = description
        self._group_actions = []

    def add_argument(self, *args, **kwargs):
        action = self._container.add_argument(*args, _group=self, **kwargs)
        return action

    def add_mutually_exclusive_group(self, required=False):
        return self


def _metavar_default(action, default):
    if action.metavar is not None:
        return action.metavar
    if action.choices is not None:
        return "{%s}" % ",".join(map(str, action.choices))
    return default


def _format_args(action, default_metavar):
    metavar = _metavar_default(action, default_metavar)
    if isinstance(metavar, tuple):
        parts = list(metavar)
    else:
        parts = None

    def m(i=0):
        return parts[i] if parts else metavar

    if action.nargs is None:
        return m()
    if action.nargs == OPTIONAL:
        return "[%s]" % m()
    if action.nargs == ZERO_OR_MORE:
        if parts and len(parts) == 2:
            return "[%s [%s ...]]" % (parts[0], parts[1])
        return "[%s ...]" % m()
    if action.nargs == ONE_OR_MORE:
        return "%s [%s ...]" % (m(), m(1) if parts and len(parts) > 1 else m())
    if action.nargs == REMAINDER:
        return "..."
    if action.nargs == PARSER:
        return "%s ..." % m()
    if action.nargs == SUPPRESS:
        return ""
    return " ".join(m(i) if parts else metavar for i in range(action.nargs))


class ArgumentParser:
    """Parse command-line strings into a Namespace, printing usage/help and errors like CPython."""

    def __init__(self, prog=None, usage=None, description=None, epilog=None, parents=(),
                 formatter_class=HelpFormatter, prefix_chars="-", fromfile_prefix_chars=None,
                 argument_default=None, conflict_handler="error", add_help=True, allow_abbrev=True,
                 exit_on_error=True):
        if prog is None:
            prog = _os.path.basename(_sys.argv[0]) if _sys.argv and _sys.argv[0] else "python"
        self.prog = prog
        self.usage = usage
        self.description = description
        self.epilog = epilog
        self.formatter_class = formatter_class
        self.prefix_chars = prefix_chars
        self.argument_default = argument_default
        self.allow_abbrev = allow_abbrev
        self.exit_on_error = exit_on_error
        self._actions = []
        self._option_string_actions = {}
        self._defaults = {}
        self._positionals = _ArgumentGroup(self, "positional arguments")
        self._optionals = _ArgumentGroup(self, "options")
        self._action_groups = [self._positionals, self._optionals]
        self._subparsers = None
        if add_help:
            self.add_argument("-h", "--help", action="help", default=SUPPRESS,
                              help="show this help message and exit")
        for parent in parents:
            for action in parent._actions:
                if isinstance(action, _HelpAction):
                    continue
                self._add_action(action, None)
            self._defaults.update(parent._defaults)

    # ---- building ---------------------------------------------------------------------------------

    def add_argument(self, *args, _group=None, **kwargs):
        chars = self.prefix_chars
        if not args or len(args) == 1 and args[0][:1] not in chars:
            if args and "dest" in kwargs:
                raise ValueError("dest supplied twice for positional argument")
            dest = args[0] if args else kwargs.pop("dest")
            if kwargs.get("nargs") not in (OPTIONAL, ZERO_OR_MORE, REMAINDER, SUPPRESS, 0):
                kwargs["required"] = True
            if kwargs.get("nargs") == ZERO_OR_MORE and "default" not in kwargs:
                kwargs["required"] = True
            option_strings = []
        else:
            option_strings = []
            long_strings = []
            for s in args:
                if s[:1] not in chars:
                    raise ValueError(
                        "invalid option string %r: must start with a character %r" % (s, chars)
                    )
                option_strings.append(s)
                if len(s) > 1 and s[1] in chars:
                    long_strings.append(s)
            dest = kwargs.pop("dest", None)
            if dest is None:
                first = long_strings[0] if long_strings else option_strings[0]
                dest = first.lstrip(chars).replace("-", "_")
        if "default" not in kwargs:
            if dest in self._defaults:
                kwargs["default"] = self._defaults[dest]
            elif self.argument_default is not None:
                kwargs["default"] = self.argument_default
        action_name = kwargs.pop("action", None)
        action_class = _ACTIONS.get(action_name, action_name) if isinstance(action_name, str) or action_name is None else action_name
        if not callable(action_class):
            raise ValueError("unknown action %r" % (action_name,))
        type_func = kwargs.get("type")
        if type_func is not None and not callable(type_func):
            raise ValueError("%r is not callable" % (type_func,))
        action = action_class(option_strings=option_strings, dest=dest, **kwargs)
        return self._add_action(action, _group)

    def _add_action(self, action, group):
        for s in action.option_strings:
            if s in self._option_string_actions:
                raise ArgumentError(action, "conflicting option string: %s" % s)
        self._actions.append(action)
        for s in action.option_strings:
            self._option_string_actions[s] = action
        if group is None:
            group = self._optionals if action.option_strings else self._positionals
        group._group_actions.append(action)
        return action

    def add_argument_group(self, title=None, description=None):
        group = _ArgumentGroup(self, title, description)
        self._action_groups.append(group)
        return group

    def add_mutually_exclusive_group(self, required=False):
        return _ArgumentGroup(self)

    def set_defaults(self, **kwargs):
        self._defaults.update(kwargs)
        for action in self._actions:
            if action.dest in kwargs:
                action.default = kwargs[action.dest]

    def get_default(self, dest):
        for action in self._actions:
            if action.dest == dest and action.default is not None:
                return action.default
        return self._defaults.get(dest, None)

    def add_subparsers(self, **kwargs):
        if self._subparsers is not None:
            self.error("cannot have multiple subparser arguments")
        title = kwargs.pop("title", None)
        description = kwargs.pop("description", None)
        if title or description:
            group = self.add_argument_group(title or "subcommands", description)
        else:
            group = self._positionals
        self._subparsers = group
        if kwargs.get("prog") is None:
            positionals = [a for a in self._actions if not a.option_strings]
            parts = [self.prog] + [_format_args(a, a.dest) for a in positionals if a.help is not SUPPRESS]
            kwargs["prog"] = " ".join(p for p in parts if p)
        parsers_class = kwargs.pop("action", _SubParsersAction)
        if parsers_class == "parsers":
            parsers_class = _SubParsersAction
        action = parsers_class(option_strings=[], parser_class=kwargs.pop("parser_class", type(self)), **kwargs)
        self._add_action(action, group)
        return action

    # ---- parsing ----------------------------------------------------------------------------------

    def parse_args(self, args=None, namespace=None):
        args, argv = self.parse_known_args(args, namespace)
        if argv:
            self.error("unrecognized arguments: %s" % " ".join(argv))
        return args

    def parse_known_args(self, args=None, namespace=None):
        if args is None:
            args = _sys.argv[1:]
        else:
            args = list(args)
        if namespace is None:
            namespace = Namespace()
        for action in self._actions:
            if action.dest is not SUPPRESS and not hasattr(namespace, action.dest):
                if action.default is not SUPPRESS:
                    setattr(namespace, action.dest, action.default)
        for dest, value in self._defaults.items():
            if not hasattr(namespace, dest):
                setattr(namespace, dest, value)
        try:
            namespace, args = self._parse_known_args(args, namespace)
        except ArgumentError as err:
            if not self.exit_on_error:
                raise
            self.error(str(err))
        if hasattr(namespace, "_UNRECOGNIZED_ARGS"):
            args.extend(getattr(namespace, "_UNRECOGNIZED_ARGS"))
            delattr(namespace, "_UNRECOGNIZED_ARGS")
        return namespace, args

    def _is_option(self, s):
        if not s or s[0] not in self.prefix_chars or s == "-" or s == "--":
            return False
        if s in self._option_string_actions:
            return True
        if len(s) > 1 and s[1] not in self.prefix_chars:
            # a negative number is a positional unless the parser has options that look like one
            try:
                float(s)
            except ValueError:
                return True
            return any(o[1:2].isdigit() for o in self._option_string_actions)
        return True

    def _match_option(self, s):
        """(action, option_string, explicit_arg) for an option argument; raises for unknown ones."""
        if s in self._option_string_actions:
            return self._option_string_actions[s], s, None
        if "=" in s:
            opt, _, explicit = s.partition("=")
            if opt in self._option_string_actions:
                return self._option_string_actions[opt], opt, explicit
        chars = self.prefix_chars
        if len(s) > 1 and s[1] in chars:
            opt = s.partition("=")[0]
            explicit = s.partition("=")[2] if "=" in s else None
            if self.allow_abbrev:
                matches = [o for o in self._option_string_actions if o.startswith(opt) and len(o) > 1 and o[1] in chars]
                if len(matches) == 1:
                    return self._option_string_actions[matches[0]], matches[0], explicit
                if len(matches) > 1:
                    options = ", ".join(matches)
                    self.error("ambiguous option: %s could match %s" % (opt, options))
            return None, s, None
        short = s[:2]
        if short in self._option_string_actions:
            return self._option_string_actions[short], short, s[2:]
        return None, s, None

    def _get_values(self, action, arg_strings):
        if action.nargs not in (PARSER, REMAINDER):
            try:
                arg_strings.remove("--")
            except ValueError:
                pass
        if not arg_strings and action.nargs == OPTIONAL:
            value = action.const if action.option_strings else action.default
            if isinstance(value, str):
                value = self._get_value(action, value)
                self._check_value(action, value)
        elif not arg_strings and action.nargs == ZERO_OR_MORE and not action.option_strings:
            value = action.default if action.default is not None else []
            if value is not None and not isinstance(value, list):
                self._check_value(action, value)
        elif len(arg_strings) == 1 and action.nargs in (None, OPTIONAL):
            value = self._get_value(action, arg_strings[0])
            self._check_value(action, value)
        elif action.nargs == REMAINDER:
            value = [self._get_value(action, v) for v in arg_strings]
        elif action.nargs == PARSER:
            value = [self._get_value(action, v) for v in arg_strings]
            self._check_value(action, value[0])
        elif action.nargs == SUPPRESS:
            value = SUPPRESS
        else:
            value = [self._get_value(action, v) for v in arg_strings]
            for v in value:
                self._check_value(action, v)
        return value

    def _get_value(self, action, arg_string):
        type_func = action.type
        if type_func is None:
            return arg_string
        try:
            return type_func(arg_string)
        except ArgumentTypeError as err:
            raise ArgumentError(action, str(err))
        except (TypeError, ValueError):
            name = getattr(type_func, "__name__", repr(type_func))
            raise ArgumentError(action, "invalid %s value: %r" % (name, arg_string))

    def _check_value(self, action, value):
        if action.choices is not None and value not in action.choices:
            choices = ", ".join(map(repr, action.choices))
            raise ArgumentError(action, "invalid choice: %r (choose from %s)" % (value, choices))

    def _nargs_range(self, action):
        n = action.nargs
        if n is None:
            return 1, 1
        if n == OPTIONAL:
            return 0, 1
        if n == ZERO_OR_MORE:
            return 0, None
        if n == ONE_OR_MORE:
            return 1, None
        if n in (REMAINDER, PARSER):
            return (1 if n == PARSER else 0), None
        return n, n

    def _nargs_error(self, action):
        n = action.nargs
        if n is None:
            return "expected one argument"
        if n == OPTIONAL:
            return "expected at most one argument"
        if n == ONE_OR_MORE:
            return "expected at least one argument"
        return "expected %s argument%s" % (n, "s" if n != 1 else "")

    def _parse_known_args(self, arg_strings, namespace):
        extras = []
        seen = set()
        positionals = [a for a in self._actions if not a.option_strings]
        pos_strings = []
        i = 0
        n = len(arg_strings)
        after_dashdash = False

        def take(action, values, option_string):
            seen.add(action)
            if values is not SUPPRESS:
                action(self, namespace, values, option_string)

        stop_at_parser = any(a.nargs == PARSER for a in positionals)
        while i < n:
            s = arg_strings[i]
            if after_dashdash or not self._is_option(s):
                if s == "--" and not after_dashdash:
                    after_dashdash = True
                    pos_strings.append(s)
                    i += 1
                    continue
                pos_strings.append(s)
                i += 1
                if stop_at_parser and self._ready_for_parser(positionals, pos_strings):
                    pos_strings.extend(arg_strings[i:])
                    break
                continue
            action, option_string, explicit = self._match_option(s)
            i += 1
            if action is None:
                extras.append(s)
                continue
            lo, hi = self._nargs_range(action)
            if explicit is not None:
                if hi == 0:
                    # clustered single-dash flags: -vvv, -vx
                    if len(option_string) == 2 and option_string[0] in self.prefix_chars and option_string[1] not in self.prefix_chars:
                        take(action, [], option_string)
                        rest = explicit
                        while rest:
                            opt = option_string[0] + rest[0]
                            sub = self._option_string_actions.get(opt)
                            if sub is None:
                                raise ArgumentError(action, "ignored explicit argument %r" % rest)
                            slo, shi = self._nargs_range(sub)
                            if shi == 0:
                                take(sub, [], opt)
                                rest = rest[1:]
                            else:
                                take(sub, self._get_values(sub, [rest[1:]] if rest[1:] else self._consume(sub, arg_strings, i)), opt)
                                if not rest[1:]:
                                    i += len(self._last_consumed)
                                rest = ""
                        continue
                    raise ArgumentError(action, "ignored explicit argument %r" % explicit)
                take(action, self._get_values(action, [explicit]), option_string)
                continue
            values = self._consume(action, arg_strings, i)
            i += len(values)
            if len(values) < lo:
                raise ArgumentError(action, self._nargs_error(action))
            take(action, self._get_values(action, list(values)), option_string)

        # Positionals: give each its share, in order, leaving enough for the ones after it.
        strings = [s for s in pos_strings]
        if "--" in strings:
            strings.remove("--")
        idx = 0
        for k, action in enumerate(positionals):
            lo, hi = self._nargs_range(action)
            later_min = sum(self._nargs_range(a)[0] for a in positionals[k + 1:])
            avail = len(strings) - idx - later_min
            if action.nargs == PARSER:
                if idx >= len(strings):
                    break
                count = len(strings) - idx
            elif hi is None:
                count = max(avail, lo)
            else:
                count = min(hi, max(avail, 0))
                if count < lo:
                    break
            if count < lo or idx + count > len(strings):
                break
            chunk = strings[idx:idx + count]
            idx += count
            if action.nargs is None and not chunk:
                break
            if action.nargs == OPTIONAL and not chunk:
                take(action, self._get_values(action, []), None)
                continue
            take(action, self._get_values(action, chunk), None)
        extras.extend(strings[idx:])

        required = [a for a in self._actions if a.required and a not in seen]
        if required:
            names = [_get_action_name(a) for a in required]
            self.error("the following arguments are required: %s" % ", ".join(names))
        for action in self._actions:
            if action not in seen and isinstance(action.default, str) and action.dest is not SUPPRESS:
                if getattr(namespace, action.dest, None) is action.default:
                    setattr(namespace, action.dest, self._get_value(action, action.default))
        return namespace, extras

    def _ready_for_parser(self, positionals, pos_strings):
        needed = 0
        for a in positionals:
            if a.nargs == PARSER:
                return len(pos_strings) >= needed + 1
            needed += self._nargs_range(a)[0]
        return False

    def _consume(self, action, arg_strings, i):
        lo, hi = self._nargs_range(action)
        out = []
        while i < len(arg_strings) and (hi is None or len(out) < hi):
            s = arg_strings[i]
            if s == "--" or self._is_option(s):
                break
            out.append(s)
            i += 1
        self._last_consumed = out
        return out

    # ---- help and errors --------------------------------------------------------------------------

    def _action_usage(self, action):
        if action.option_strings:
            opt = action.option_strings[0]
            lo, hi = self._nargs_range(action)
            if action.nargs == 0 or hi == 0:
                part = opt
            else:
                part = "%s %s" % (opt, _format_args(action, action.dest.upper()))
            return part if action.required else "[%s]" % part
        return _format_args(action, action.dest)

    def format_usage(self):
        return "usage: %s\n" % self._usage_text()

    def _usage_text(self):
        if self.usage is not None:
            return self.usage.replace("%(prog)s", self.prog)
        optionals = [a for a in self._actions if a.option_strings and a.help is not SUPPRESS]
        positionals = [a for a in self._actions if not a.option_strings and a.help is not SUPPRESS]
        parts = [self._action_usage(a) for a in optionals] + [self._action_usage(a) for a in positionals]
        parts = [p for p in parts if p]
        text = " ".join([self.prog] + parts)
        width = HelpFormatter(self.prog)._width
        if len("usage: ") + len(text) <= width:
            return text
        # Wrap: optionals then positionals on continuation lines aligned after the prog.
        indent = " " * (len("usage: ") + len(self.prog) + 1)
        lines = []
        line = [self.prog]
        line_len = len("usage: ") + len(self.prog)
        opt_parts = [self._action_usage(a) for a in optionals]
        pos_parts = [self._action_usage(a) for a in positionals]

        def get_lines(parts, indent, prefix=None):
            lines = []
            line = []
            indentation = len(indent)
            line_len = indentation - 1 if prefix is None else len(prefix) - 1
            for part in parts:
                if line_len + 1 + len(part) > width and line:
                    lines.append(indent + " ".join(line))
                    line = []
                    line_len = indentation - 1
                line.append(part)
                line_len += len(part) + 1
            if line:
                lines.append(indent + " ".join(line))
            if prefix is not None:
                lines[0] = lines[0][indentation:]
            return lines

        prefix = "usage: " + self.prog + " "
        if len(prefix) + 4 <= 0.75 * width:
            if opt_parts:
                lines = get_lines([self.prog] + opt_parts, indent, "usage: ")
                lines = [lines[0]] + lines[1:]
                lines[0] = lines[0]
                if pos_parts:
                    lines.extend(get_lines(pos_parts, indent))
            else:
                lines = get_lines([self.prog] + pos_parts, indent, "usage: ")
        else:
            indent = " " * len("usage: ")
            lines = [self.prog] + get_lines(opt_parts + pos_parts, indent)
        return "\n".join(lines)

    def _invocation(self, action):
        if not action.option_strings:
            return _metavar_default(action, action.dest) if not isinstance(action.metavar, tuple) else action.metavar[0]
        if action.nargs == 0 or self._nargs_range(action)[1] == 0:
            return ", ".join(action.option_strings)
        args = _format_args(action, action.dest.upper())
        return ", ".join("%s %s" % (o, args) for o in action.option_strings)

    def format_help(self):
        fmt = HelpFormatter(self.prog)
        width = fmt._width
        out = [self.format_usage()]
        if self.description:
            out.append("\n" + self._fill(self.description, width, "") + "\n")
        entries = []
        for group in self._action_groups:
            actions = [a for a in group._group_actions if a.help is not SUPPRESS]
            for a in actions:
                entries.append(self._invocation(a))
                if isinstance(a, _SubParsersAction):
                    for ca in a._choices_actions:
                        entries.append("  " + ca.metavar)
        max_len = max([len(e) + 2 for e in entries] + [0])
        help_position = min(max_len + 2, fmt._max_help_position)
        for group in self._action_groups:
            actions = [a for a in group._group_actions if a.help is not SUPPRESS]
            if not actions and not group.description:
                continue
            out.append("\n%s:\n" % group.title)
            if group.description:
                out.append("  " + group.description + "\n\n" if actions else "  " + group.description + "\n")
            for a in actions:
                out.append(self._format_action(a, self._invocation(a), 2, help_position, width))
                if isinstance(a, _SubParsersAction):
                    for ca in a._choices_actions:
                        out.append(self._format_action(ca, ca.metavar, 4, help_position, width))
        if self.epilog:
            out.append("\n" + self._fill(self.epilog, width, "") + "\n")
        return "".join(out)

    def _expand_help(self, action):
        text = action.help
        params = dict(vars(action), prog=self.prog)
        for name in list(params):
            if params[name] is SUPPRESS:
                del params[name]
        if params.get("choices") is not None:
            params["choices"] = ", ".join(str(c) for c in params["choices"])
        return text % params if "%" in text else text

    def _fill(self, text, width, indent):
        import textwrap

        text = " ".join(text.split())
        return textwrap.fill(text, width, initial_indent=indent, subsequent_indent=indent)

    def _format_action(self, action, header, indent, help_position, width):
        import textwrap

        action_width = help_position - indent - 2
        if not action.help:
            return " " * indent + header + "\n"
        if len(header) <= action_width:
            line = " " * indent + header.ljust(action_width) + "  "
            first_on_line = True
        else:
            line = " " * indent + header + "\n"
            first_on_line = False
        help_text = " ".join(self._expand_help(action).split())
        help_width = max(width - help_position, 11)
        lines = textwrap.wrap(help_text, help_width)
        if first_on_line:
            out = line + lines[0] + "\n"
            rest = lines[1:]
        else:
            out = line
            rest = lines
        for l in rest:
            out += " " * help_position + l + "\n"
        return out

    def print_usage(self, file=None):
        if file is None:
            file = _sys.stdout
        file.write(self.format_usage())

    def print_help(self, file=None):
        if file is None:
            file = _sys.stdout
        file.write(self.format_help())

    def exit(self, status=0, message=None):
        if message:
            _sys.stderr.write(message)
        _sys.exit(status)

    def error(self, message):
        """Print the usage and `prog: error: message` to stderr and exit with status 2."""
        self.print_usage(_sys.stderr)
        self.exit(2, "%s: error: %s\n" % (self.prog, message))
