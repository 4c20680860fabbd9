"""Safe YAML reading with line numbers, and typed conversion whose errors name `path:line`.

Every YAML file the advisor reads (knowledge entries, profiles) goes through `read_yaml`: the C
safe loader where available (never the full loader), duplicate keys rejected (PyYAML silently
keeps the last), alias expansion bounded (a "billion laughs" file is refused before it expands),
oversize and non-UTF-8 files refused with a clear message. `convert` turns a parsed document into
a msgspec struct and maps a validation error back to the line it came from.
"""

from __future__ import annotations

import difflib
import os
import re
import stat
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import msgspec
import yaml

MAX_FILE_BYTES = 10 * 1024 * 1024
"""Files larger than this are refused: no knowledge or profile file is legitimately this big."""
MAX_DEPTH = 64
"""Deeper nesting than this is refused before parsing (the parser recurses, and can overflow the stack)."""
MAX_EXPANDED_NODES = 200_000
"""An aliased document may expand to at most this many nodes once every alias is followed."""

_BaseLoader: type[yaml.SafeLoader]
try:
    _BaseLoader = yaml.CSafeLoader  # type: ignore[assignment]
except AttributeError:  # PyYAML built without libyaml
    _BaseLoader = yaml.SafeLoader


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with an input file, printed as `path:line: message`."""

    path: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}" if self.line else f"{self.path}: {self.message}"


class InputError(Exception):
    """Bad input: carries every problem found, each with its file and line."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems = sorted(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


class _Refused(Exception):
    def __init__(self, line: int, message: str) -> None:
        self.line = line
        self.message = message


LineMap = dict[int, tuple[int, dict[Any, int]]]
"""id(mapping) -> (line of the mapping, {key: line of the key}), for the mappings of one document."""


class _LineLoader(_BaseLoader):  # type: ignore[misc,valid-type]
    """The safe loader, plus duplicate-key rejection and a record of where each key stands."""

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self.lines: LineMap = {}

    def construct_line_map(self, node: yaml.MappingNode) -> Iterator[dict[Any, Any]]:
        data: dict[Any, Any] = {}
        yield data
        self.flatten_mapping(node)
        key_lines: dict[Any, int] = {}
        for key_node, value_node in node.value:
            key = self.construct_object(key_node, deep=True)
            line = key_node.start_mark.line + 1
            if not isinstance(key, (str, int, float, bool)) and key is not None:
                raise _Refused(line, "a mapping key must be a plain value, not a list or mapping")
            if key in key_lines:
                raise _Refused(
                    line, f"duplicate key '{key}' (first given on line {key_lines[key]}); each key may appear once"
                )
            key_lines[key] = line
            data[key] = self.construct_object(value_node, deep=True)
        self.lines[id(data)] = (node.start_mark.line + 1, key_lines)


_LineLoader.add_constructor("tag:yaml.org,2002:map", _LineLoader.construct_line_map)


def _construct_timestamp(loader: _LineLoader, node: yaml.ScalarNode) -> Any:
    try:
        return yaml.constructor.SafeConstructor.construct_yaml_timestamp(loader, node)
    except (ValueError, OverflowError):
        raise _Refused(node.start_mark.line + 1, f"{node.value!r} is not a real date; expected YYYY-MM-DD") from None


_LineLoader.add_constructor("tag:yaml.org,2002:timestamp", _construct_timestamp)


def _too_deep(text: str) -> int:
    """The line where nesting first passes MAX_DEPTH (brackets, or block indentation), or 0.

    A cheap scan over the text: brackets inside quoted strings are counted too, which can only make
    a pathological file be refused, never let one through.
    """
    depth = 0
    for number, line in enumerate(text.splitlines(), 1):
        stripped = line.lstrip(" ")
        if (len(line) - len(stripped)) // 2 > MAX_DEPTH and stripped and not stripped.startswith("#"):
            return number
        for char in line:
            if char in "[{":
                depth += 1
                if depth > MAX_DEPTH:
                    return number
            elif char in "]}":
                depth = max(0, depth - 1)
    return 0


def _expanded_size(node: yaml.Node, limit: int) -> int:
    """Nodes the document would have with every alias expanded; stops counting past `limit`."""
    sizes: dict[int, int] = {}
    in_progress: set[int] = set()

    def size(n: yaml.Node) -> int:
        key = id(n)
        if key in sizes:
            return sizes[key]
        if key in in_progress:
            raise _Refused(n.start_mark.line + 1, "an alias refers to itself; recursive structures are not allowed")
        in_progress.add(key)
        total = 1
        if isinstance(n, yaml.SequenceNode):
            for child in n.value:
                total += size(child)
                if total > limit:
                    break
        elif isinstance(n, yaml.MappingNode):
            for k, v in n.value:
                total += size(k) + size(v)
                if total > limit:
                    break
        in_progress.discard(key)
        sizes[key] = total
        return total

    return size(node)


@dataclass
class Document:
    """A parsed YAML file: its data and where each mapping key stands."""

    path: str
    data: Any
    lines: LineMap

    def line_of(self, path: Sequence[str | int]) -> int:
        """The line of the value at `path` (keys and list indexes), or of its nearest ancestor."""
        node: Any = self.data
        line = 1
        for step in path:
            if isinstance(node, dict) and step in node:
                entry = self.lines.get(id(node))
                if entry:
                    line = entry[1].get(step, entry[0])
                node = node[step]
            elif isinstance(node, list) and isinstance(step, int) and 0 <= step < len(node):
                node = node[step]
                if isinstance(node, dict) and id(node) in self.lines:
                    line = self.lines[id(node)][0]
            else:
                break
        return line


def display_path(path: Path) -> str:
    """The path as the user gave it, relative to the working directory when inside it (links not followed)."""
    absolute = os.path.abspath(path)
    relative = os.path.relpath(absolute, os.getcwd())
    return str(path) if relative.startswith("..") else relative


def read_input_file(path: Path, limit: int = MAX_FILE_BYTES) -> bytes:
    """The bytes of a regular file of at most `limit` bytes; InputError naming the file otherwise.

    Devices, pipes and directories are refused before reading: /dev/zero never ends and a FIFO waits forever.
    """
    shown = display_path(path)
    try:
        info = path.stat()
    except FileNotFoundError:
        raise InputError([Problem(shown, 0, "no such file")]) from None
    except OSError as exc:
        raise InputError([Problem(shown, 0, f"cannot be read: {exc.strerror or exc}")]) from None
    if stat.S_ISDIR(info.st_mode):
        raise InputError([Problem(shown, 0, "is a directory, expected a file")])
    if not stat.S_ISREG(info.st_mode):
        raise InputError([Problem(shown, 0, "is not a regular file (a device or a pipe?); expected a file")])
    if info.st_size > limit:
        raise InputError([Problem(shown, 0, oversize_message(info.st_size))])
    try:
        with path.open("rb") as handle:
            raw = handle.read(limit + 1)
    except OSError as exc:
        raise InputError([Problem(shown, 0, f"cannot be read: {exc.strerror or exc}")]) from None
    if len(raw) > limit:
        raise InputError([Problem(shown, 0, oversize_message(len(raw)))])
    return raw


def read_yaml(path: Path, raw: bytes | None = None) -> Document:
    """Read one YAML file safely; raises InputError naming the file and line on any problem."""
    shown = display_path(path)
    if raw is None:
        raw = read_input_file(path)
    if len(raw) > MAX_FILE_BYTES:
        raise InputError([Problem(shown, 0, oversize_message(len(raw)))])
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        raise InputError(
            [
                Problem(
                    shown,
                    line,
                    f"not valid UTF-8 (byte 0x{raw[exc.start]:02x} at column {column}); save the file as UTF-8",
                )
            ]
        ) from None
    depth_line = _too_deep(text)
    if depth_line:
        raise InputError(
            [Problem(shown, depth_line, f"nested more than {MAX_DEPTH} levels deep; knowledge and profiles never are")]
        )
    loader = _LineLoader(text)
    try:
        if "*" in text:  # only a document with an alias can expand; check before constructing
            node = loader.get_single_node()
            if node is not None and _expanded_size(node, MAX_EXPANDED_NODES) > MAX_EXPANDED_NODES:
                raise _Refused(
                    node.start_mark.line + 1,
                    f"aliases expand to more than {MAX_EXPANDED_NODES:,} nodes; refusing to expand it (a 'billion laughs' file?)",
                )
            data = loader.construct_document(node) if node is not None else None
        else:
            data = loader.get_single_data()
    except _Refused as exc:
        raise InputError([Problem(shown, exc.line, exc.message)]) from None
    except yaml.constructor.ConstructorError as exc:
        raise InputError([Problem(shown, _mark_line(exc), _constructor_message(exc))]) from None
    except yaml.MarkedYAMLError as exc:
        raise InputError([Problem(shown, _mark_line(exc), _syntax_message(exc))]) from None
    except yaml.YAMLError as exc:
        raise InputError([Problem(shown, 0, f"not valid YAML: {exc}")]) from None
    except RecursionError:
        raise InputError([Problem(shown, 0, "nested too deeply to read")]) from None
    finally:
        loader.dispose()
    return Document(shown, data, loader.lines)


def oversize_message(size: int) -> str:
    """The message for a file over the size limit."""
    return f"file is {size / 1024 / 1024:.1f} MiB; files over {MAX_FILE_BYTES // 1024 // 1024} MiB are refused"


def _mark_line(exc: yaml.MarkedYAMLError) -> int:
    mark = exc.problem_mark or exc.context_mark
    return mark.line + 1 if mark is not None else 0


def _syntax_message(exc: yaml.MarkedYAMLError) -> str:
    context = exc.context or ""
    started, found = exc.context_mark, exc.problem_mark
    if context and started is not None and found is not None and started.line != found.line:
        context += f" (started on line {started.line + 1})"
    parts = [p for p in (context, exc.problem) if p]
    return "not valid YAML: " + ", ".join(parts) if parts else "not valid YAML"


def _constructor_message(exc: yaml.constructor.ConstructorError) -> str:
    match = re.search(r"tag '([^']+)'", exc.problem or "")
    if match:
        tag = match.group(1).replace("tag:yaml.org,2002:", "!!")
        return f"tag {tag} is not allowed: only plain YAML (strings, numbers, lists, mappings, dates) is read"
    return "not valid YAML: " + (exc.problem or str(exc))


# --- typed conversion -----------------------------------------------------------------------

_MSGSPEC_PATH = re.compile(r" - at `\$(.*)`$")
_PATH_STEP = re.compile(r"\.([A-Za-z_][A-Za-z0-9_]*)|\[(\d+)\]")
PATTERN_WORDS = {
    r"^(EU|[A-Z]{2})$": "a region code; expected EU or a two-letter ISO 3166 code (US, GB, DE …)",
}
"""Regular expressions of the schemas, in words for error messages."""
_TYPE_WORDS = {
    "int": "a whole number",
    "float": "a number",
    "str": "a string",
    "bool": "true or false",
    "array": "a list",
    "object": "a mapping",
    "null": "nothing (null)",
    "date": "a date (YYYY-MM-DD)",
}


def _parse_path(text: str) -> list[str | int]:
    return [name if name else int(index) for name, index in _PATH_STEP.findall(text)]


def _field_names(tp: Any, path: Sequence[str | int]) -> list[str]:
    """The field names of the struct found by following `path` from type `tp`."""
    info = _unwrap(_field_type(tp, path))
    return [f.encode_name for f in info.fields] if isinstance(info, msgspec.inspect.StructType) else []


def _field_type(tp: Any, path: Sequence[str | int]) -> Any:
    """The msgspec type info found by following `path` (keys and list indexes) from type `tp`, or None."""
    info: Any = msgspec.inspect.type_info(tp)
    for step in path:
        info = _unwrap(info)
        if isinstance(step, int) and isinstance(info, msgspec.inspect.ListType):
            info = info.item_type
        elif isinstance(step, str) and isinstance(info, msgspec.inspect.StructType):
            match = [f for f in info.fields if f.encode_name == step]
            if not match:
                return None
            info = match[0].type
        else:
            return None
    return info


def _unwrap(info: Any) -> Any:
    if isinstance(info, msgspec.inspect.UnionType):
        real = [t for t in info.types if not isinstance(t, msgspec.inspect.NoneType)]
        if len(real) == 1:
            return real[0]
    return info


def _describe_expected(info: Any) -> str | None:
    info_unwrapped = _unwrap(info)
    if isinstance(info_unwrapped, msgspec.inspect.LiteralType):
        return "one of " + ", ".join(str(v) for v in info_unwrapped.values)
    return None


def did_you_mean(word: str, choices: Sequence[str]) -> str:
    """' (did you mean X?)' when a choice is close to `word` or starts with it, else ''."""
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    if not close and len(word) >= 3:
        close = sorted(c for c in choices if c.startswith(word))[:1]
    return f" (did you mean '{close[0]}'?)" if close else ""


def _short_repr(value: Any, most: int = 60) -> str:
    """A value as a message quotes it: its repr, cut short (a bad value can be a megabyte)."""
    text = repr(value)
    return text if len(text) <= most else text[: most - 1] + "…"


def convert(doc: Document, data: Any, tp: Any, base: Sequence[str | int] = ()) -> Any:
    """Convert `data` (found at `base` in `doc`) to type `tp`; raises InputError at the right line."""
    try:
        return msgspec.convert(data, tp)
    except msgspec.ValidationError as exc:
        raise InputError([conversion_problem(doc, exc, tp, base, data)]) from None


def conversion_problem(
    doc: Document, exc: msgspec.ValidationError, tp: Any, base: Sequence[str | int], data: Any
) -> Problem:
    """A friendly `path:line: message` for a msgspec validation error."""
    text = str(exc)
    match = _MSGSPEC_PATH.search(text)
    rel = _parse_path(match.group(1)) if match else []
    head = text[: match.start()] if match else text
    full = [*base, *rel]
    where = ".".join(str(s) if isinstance(s, str) else f"[{s}]" for s in rel).replace(".[", "[")
    prefix = f"{where}: " if where else ""

    unknown = re.match(r"Object contains unknown field `(.+)`", head)
    if unknown:
        key = unknown.group(1)
        fields = _field_names(tp, rel)
        line = doc.line_of([*full, key])
        return Problem(doc.path, line, f"{prefix}unknown key '{key}'{did_you_mean(key, fields)}")
    missing = re.match(r"Object missing required field `(.+)`", head)
    if missing:
        return Problem(doc.path, doc.line_of(full), f"{prefix}missing required key '{missing.group(1)}'")
    line = doc.line_of(full)
    value = _value_at(data, rel)
    if head.startswith("Invalid enum value"):
        expected = _describe_expected(_field_type(tp, rel)) or "a known value"
        return Problem(doc.path, line, f"{prefix}{_short_repr(value)} is not allowed; expected {expected}")
    typed = re.match(r"Expected `(.+?)`, got `(.+?)`", head)
    if typed:
        want = " or ".join(_TYPE_WORDS.get(w.strip(), w.strip()) for w in typed.group(1).split("|"))
        got = _TYPE_WORDS.get(typed.group(2), typed.group(2))
        hint = ""
        if typed.group(2) == "bool" and "str" in typed.group(1):
            hint = "; YAML reads NO, YES, ON and OFF as true or false: put the value in quotes ('NO')"
        elif (
            typed.group(2) == "str"
            and isinstance(value, str)
            and re.fullmatch(r"[-+]?\d+(\.\d*)?e[-+]?\d+", value, re.I)
        ):
            hint = "; write the number out, or with a point and a sign in the exponent (1.0e+9)"
        return Problem(doc.path, line, f"{prefix}expected {want}, got {got} ({_short_repr(value)}){hint}")
    bound = re.match(r"Expected `(\w+)` (>=|<=|>|<) (\S+)", head)
    if bound:
        kind, op, limit = bound.groups()
        number = float(limit)
        limit = f"{number:,.0f}" if number.is_integer() else limit
        symbol = {">=": "≥", "<=": "≤", ">": ">", "<": "<"}[op]
        return Problem(
            doc.path, line, f"{prefix}expected {_TYPE_WORDS.get(kind, kind)} {symbol} {limit}, got {_short_repr(value)}"
        )
    pattern = re.match(r"Expected `str` matching regex '(.+)'", head)
    if pattern:
        wanted = PATTERN_WORDS.get(pattern.group(1), f"text matching {pattern.group(1)}")
        return Problem(doc.path, line, f"{prefix}{value!r} is not {wanted}")
    if head.startswith("Invalid RFC3339 encoded date"):
        return Problem(doc.path, line, f"{prefix}{value!r} is not a date; expected YYYY-MM-DD")
    return Problem(doc.path, line, f"{prefix}{head[:1].lower()}{head[1:]}")


def _value_at(data: Any, path: Sequence[str | int]) -> Any:
    for step in path:
        try:
            data = data[step]
        except (KeyError, IndexError, TypeError):
            return None
    return data
