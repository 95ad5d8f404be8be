"""Reading report texts lazily from files, folders, globs, JSONL streams and stdin.

Each input becomes an :class:`InputItem`; an input that cannot be read or decoded becomes an
item with an ``error`` instead of stopping the batch. JSONL lines are
``{"id": …, "text": …, "published": "YYYY-MM-DD"}`` (``published`` optional).
"""

from __future__ import annotations

import datetime as dt
import glob
import json
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

import attrs


@attrs.frozen(kw_only=True)
class InputItem:
    """One report to parse, or the reason it could not be read."""

    id: str
    text: str | None = None
    published: dt.date | None = None
    path: Path | None = None
    error: str | None = None


def iter_inputs(sources: Iterable[str], *, stdin: BinaryIO | None = None) -> Iterator[InputItem]:
    """The reports named by ``sources``: paths, folders (their ``*.txt`` and ``*.jsonl``),
    glob patterns, or ``-`` for standard input; in the order given, lazily."""
    for source in sources:
        if source == "-":
            stream = stdin if stdin is not None else sys.stdin.buffer
            yield _decoded("<stdin>", stream.read(), None)
            continue
        path = Path(source)
        if path.is_dir():
            files = sorted(p for p in path.iterdir()
                           if p.suffix in (".txt", ".jsonl") and p.is_file())
            for file in files:
                yield from _from_file(file)
        elif path.exists():
            yield from _from_file(path)
        elif glob.has_magic(source):
            for name in sorted(glob.glob(source, recursive=True)):
                if Path(name).is_file():
                    yield from _from_file(Path(name))
        else:
            yield InputItem(id=source, path=path, error="no such file or folder")


def _from_file(path: Path) -> Iterator[InputItem]:
    if path.suffix == ".jsonl":
        yield from _from_jsonl(path)
        return
    try:
        data = path.read_bytes()
    except OSError as error:
        yield InputItem(id=str(path), path=path, error=f"cannot read: {error.strerror or error}")
        return
    yield _decoded(str(path), data, path)


def _decoded(name: str, data: bytes, path: Path | None) -> InputItem:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        return InputItem(id=name, path=path, error=f"not UTF-8 (byte {error.start}: "
                                                   f"{data[error.start:error.start + 1]!r})")
    return InputItem(id=name, text=text, path=path)


def _from_jsonl(path: Path) -> Iterator[InputItem]:
    try:
        handle = path.open("rb")
    except OSError as error:
        yield InputItem(id=str(path), path=path, error=f"cannot read: {error.strerror or error}")
        return
    with handle:
        for number, raw in enumerate(handle, start=1):
            if not raw.strip():
                continue
            where = f"{path}:{number}"
            try:
                record = json.loads(raw)
                text = record["text"]
                if not isinstance(text, str):
                    raise TypeError("'text' is not a string")
                published = record.get("published")
                day = dt.date.fromisoformat(published) if published else None
            except (ValueError, KeyError, TypeError, AttributeError) as error:
                yield InputItem(id=where, path=path, error=f"bad JSONL record: {error!r}")
                continue
            yield InputItem(id=str(record.get("id", where)), text=text, published=day, path=path)
