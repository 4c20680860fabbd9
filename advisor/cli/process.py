"""How a command treats the process it runs in: a one-shot command has no cyclic GC while it works and no
teardown after; the wizard keeps the collector off what was loaded before it opened (`freeze_loaded`).

`recommend` and `revisit` build a large object graph (100,000 models make millions of objects), use
it once and exit. Two costs of the interpreter buy them nothing:

- cyclic garbage collection walks every live object again and again while the graph grows (at
  100,000 models it more than doubled the run time), yet the engine makes no reference cycles;
- freeing every object one by one after the output is written, when the command's variables go
  out of scope and again at interpreter teardown (about half a second at 100,000 models), memory
  the operating system reclaims at once anyway.

Only a process that the advisor owns may skip them: the `advisor` script and `python -m advisor`
call `own()`. Inside tests (click's CliRunner) or a program that imports the advisor, `settle()`
does nothing and exits are ordinary.
"""

from __future__ import annotations

import contextlib
import gc
import os
import sys
from typing import NoReturn

_owned = False
_settled = False
_kept: list[object] = []


def own() -> None:
    """Declare that this process runs one advisor command and then ends (the entry points only)."""
    global _owned
    _owned = True


def settle() -> None:
    """Before a one-shot command's heavy work: stop cyclic collection for the rest of the process.

    The wizard, a long-lived process, never calls this.
    """
    global _settled
    if _owned and not _settled:
        gc.freeze()
        gc.disable()
        _settled = True


def freeze_loaded() -> None:
    """Before the wizard opens: leave what is loaded by then (the modules, the knowledge base) out of every
    later cyclic collection.

    The wizard is long-lived, so the collector stays on; but a full collection walked those ~40,000 objects
    again each time, and one came every few screens, ~80 ms that landed while a screen opened (the model
    browser showed its list after 75 ms or after 160 ms, depending on where it fell). Nothing loaded by then
    becomes garbage while the wizard runs. Once per process.
    """
    if gc.get_freeze_count() == 0:
        gc.freeze()


def keep(*objects: object) -> None:
    """Hold these until the process ends, once settled: dropping the last reference to a decision over
    100,000 models frees it object by object (a quarter of a second), just before exiting anyway."""
    if _settled:
        _kept.extend(objects)


def silence_stdout() -> None:
    """Point standard output at the null device: what is still buffered for it can never be written."""
    os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())


def leave(code: object) -> NoReturn:
    """End the process with `code` (what `sys.exit` was given); skips teardown once settled."""
    if _settled and (code is None or isinstance(code, int)):
        for stream in (sys.stdout, sys.stderr):
            with contextlib.suppress(OSError, ValueError):  # a closed or broken stream: nothing more to say on it
                stream.flush()
        os._exit(code or 0)
    raise SystemExit(code)
