"""Reading an input file within limits: regular files only (never a device or a pipe), and never too large."""

from __future__ import annotations

import stat
from pathlib import Path

from advisor.domain.inputs.problems import InputError, Problem, display_path

MAX_FILE_BYTES = 10 * 1024 * 1024
"""Files larger than this are refused: no knowledge or profile file is legitimately this big."""


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


def oversize_message(size: int) -> str:
    """The message for a file over the size limit."""
    return f"file is {size / 1024 / 1024:.1f} MiB; files over {MAX_FILE_BYTES // 1024 // 1024} MiB are refused"
