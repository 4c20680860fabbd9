"""Typed conversion of parsed YAML (or JSON) to msgspec structs, with errors a person can act on.

`convert` turns a parsed document into a struct and maps a validation error back to the line it
came from, in words: `models.yaml:12: context_tokens: expected a whole number, got a string ('8k')`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

import msgspec

from advisor.domain.inputs.problems import InputError, Problem, did_you_mean
from advisor.domain.inputs.safe_yaml import YamlDocument

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


def _short_repr(value: Any, most: int = 60) -> str:
    """A value as a message quotes it: its repr, cut short (a bad value can be a megabyte)."""
    text = repr(value)
    return text if len(text) <= most else text[: most - 1] + "…"


def convert(doc: YamlDocument, data: Any, tp: Any, base: Sequence[str | int] = ()) -> Any:
    """Convert `data` (found at `base` in `doc`) to type `tp`; raises InputError at the right line."""
    try:
        return msgspec.convert(data, tp)
    except msgspec.ValidationError as exc:
        raise InputError([conversion_problem(doc, exc, tp, base, data)]) from None


def conversion_problem(
    doc: YamlDocument, exc: msgspec.ValidationError, tp: Any, base: Sequence[str | int], data: Any
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
