"""Safe YAML reading with line numbers: `read_yaml(path)` gives a `YamlDocument` or an InputError at `path:line`.

Every YAML file the advisor reads (knowledge entries, profiles) goes through `read_yaml`: the C
safe loader where available (never the full loader), duplicate keys rejected (PyYAML silently
keeps the last), alias expansion bounded (a "billion laughs" file is refused before it expands),
deep nesting, oversize and non-UTF-8 files refused with a clear message.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import msgspec
import yaml

from advisor.domain.inputs.files import MAX_FILE_BYTES, oversize_message, read_input_file
from advisor.domain.inputs.problems import InputError, Problem, display_path

MAX_DEPTH = 64
"""Deeper nesting than this is refused before parsing (the parser recurses, and can overflow the stack)."""
MAX_EXPANDED_NODES = 200_000
"""An aliased document may expand to at most this many nodes once every alias is followed."""
MAX_EXPANDED_CHARS = 2 * MAX_FILE_BYTES
"""... and to at most this much text: one long string aliased a hundred thousand times is a bomb too."""

_BaseLoader: type[yaml.SafeLoader]
try:
    _BaseLoader = yaml.CSafeLoader  # type: ignore[assignment]
except AttributeError:  # PyYAML built without libyaml
    _BaseLoader = yaml.SafeLoader


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


def _expanded_size(node: yaml.Node, limit: int) -> tuple[int, int]:
    """(nodes, characters of text) the document would have with every alias expanded; stops counting
    past `limit` nodes or MAX_EXPANDED_CHARS characters."""
    sizes: dict[int, tuple[int, int]] = {}
    in_progress: set[int] = set()

    def size(n: yaml.Node) -> tuple[int, int]:
        key = id(n)
        if key in sizes:
            return sizes[key]
        if key in in_progress:
            raise _Refused(n.start_mark.line + 1, "an alias refers to itself; recursive structures are not allowed")
        in_progress.add(key)
        nodes, chars = 1, len(n.value) if isinstance(n, yaml.ScalarNode) else 0
        children = n.value if isinstance(n, yaml.SequenceNode) else []
        if isinstance(n, yaml.MappingNode):
            children = [child for pair in n.value for child in pair]
        for child in children:
            child_nodes, child_chars = size(child)
            nodes, chars = nodes + child_nodes, chars + child_chars
            if nodes > limit or chars > MAX_EXPANDED_CHARS:
                break
        in_progress.discard(key)
        sizes[key] = (nodes, chars)
        return nodes, chars

    return size(node)


class YamlDocument(msgspec.Struct):
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


def read_yaml(path: Path, raw: bytes | None = None) -> YamlDocument:
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
            nodes, chars = _expanded_size(node, MAX_EXPANDED_NODES) if node is not None else (0, 0)
            if nodes > MAX_EXPANDED_NODES or chars > MAX_EXPANDED_CHARS:
                what = (
                    f"{MAX_EXPANDED_NODES:,} nodes"
                    if nodes > MAX_EXPANDED_NODES
                    else f"{MAX_EXPANDED_CHARS // 2**20} MiB of text"
                )
                raise _Refused(
                    node.start_mark.line + 1 if node is not None else 1,
                    f"aliases expand to more than {what}; refusing to expand it (a 'billion laughs' file?)",
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
    return YamlDocument(shown, data, loader.lines)


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
