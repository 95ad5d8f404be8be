#!/usr/bin/env python3
"""Build ``src/conflictparse/data/name_keys.json.gz``: the name key of every packaged actor
and place name (see ``conflictparse._names``), so that a Parser need not compute ~20,000 of
them before its first parse. Run it after editing ``data/actors.json``, the gazetteer or the
key rules; ``--check`` exits 1 when the file is out of date (the test suite checks too).

The output is deterministic (sorted keys, no gzip name or mtime).

Usage::

    python scripts/build_name_keys.py [--check]
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
from pathlib import Path

from conflictparse._registry import (
    Registry,
    computed_name_keys,
    packaged_actors,
    packaged_places,
)

OUTPUT = Path(__file__).resolve().parent.parent / "src" / "conflictparse" / "data" / "name_keys.json.gz"


def build() -> bytes:
    registry = Registry()
    for actor in packaged_actors():
        registry.add_actor(actor)
    for place in packaged_places():
        registry.add_place(place)
    keys = computed_name_keys(registry.indexed_names())
    data = {"loose": keys[True], "strict": keys[False]}
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return gzip.compress(text.encode("utf-8"), mtime=0)


def main() -> int:
    options = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    options.add_argument("--check", action="store_true", help="only check the file is current")
    arguments = options.parse_args()
    content = build()
    if arguments.check:
        current = OUTPUT.exists() and gzip.decompress(OUTPUT.read_bytes()) == gzip.decompress(
            content)
        print("up to date" if current else f"{OUTPUT.name} is out of date: rerun {__file__}")
        return 0 if current else 1
    OUTPUT.write_bytes(content)
    print(f"wrote {OUTPUT.name}: {len(content)} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
