"""A benchmark corpus generated from the project's own fixtures; nothing is downloaded.

``reports(n)`` returns ``n`` varied reports of about 2 KB: each keeps the page scaffolding
(header, dateline, boilerplate, translator note) of one fixture and gets body paragraphs
drawn from the fixtures of the same outlet family, shuffled, with digits perturbed, so that
the parser sees many different texts rather than the same few again and again.
``mutations(texts)`` adds the hostile shapes used by the equivalence check (slices at
arbitrary offsets, CRLF, zero-width characters, case changes, concatenations).
``write_jsonl(path, size)`` streams such reports to a JSONL file of about ``size`` bytes.

Run as a script to print the corpus statistics.
"""

from __future__ import annotations

import json
import random
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIXTURE_GLOBS = ("tests/fixtures/seeds/*.txt", "tests/devset/*.txt")
_BODY_MIN = 140
"""A line at least this long, ending like a sentence, counts as a body paragraph."""


def fixture_texts() -> list[tuple[str, str]]:
    """(name, text) of every fixture report, in a stable order."""
    paths = sorted(p for pattern in FIXTURE_GLOBS for p in ROOT.glob(pattern))
    return [(p.name, p.read_text(encoding="utf-8")) for p in paths]


def _family(name: str) -> str:
    return name.split("_", 1)[0] if not name[:1].isdigit() else "seed"


def _is_body(line: str) -> bool:
    stripped = line.strip()
    return len(stripped) >= _BODY_MIN and stripped[-1:] in '.!?"”)'


class _Templates:
    def __init__(self) -> None:
        self.pages: list[tuple[str, list[str]]] = []
        self.paragraphs: dict[str, list[str]] = {}
        for name, text in fixture_texts():
            family = _family(name)
            lines = text.split("\n")
            self.pages.append((family, lines))
            self.paragraphs.setdefault(family, []).extend(ln for ln in lines if _is_body(ln))

    def report(self, number: int, rng: random.Random, size: int = 2048) -> str:
        family, lines = self.pages[number % len(self.pages)]
        pool = self.paragraphs[family] or [ln for ps in self.paragraphs.values() for ln in ps]
        # The first body paragraph stays (it may be a standfirst or open with the dateline);
        # the later ones are replaced by paragraphs drawn from the same outlet family.
        slots = [i for i, line in enumerate(lines) if _is_body(line)][1:]
        kept = sum(len(line) + 1 for i, line in enumerate(lines) if i not in slots)
        budget = max(size - kept, 300)
        chosen: list[str] = []
        while sum(len(p) + 2 for p in chosen) < budget:
            chosen.append(_perturb(rng.choice(pool), rng))
        out: list[str] = []
        for i, line in enumerate(lines):
            if slots and i == slots[0]:
                out.append("\n\n".join(chosen))
            elif i not in slots:
                out.append(line)
        if not slots:
            out.append("\n\n".join(chosen))
        return "\n".join(out)


def _perturb(paragraph: str, rng: random.Random) -> str:
    """Change some digits, so numbers and days differ between copies."""
    chars = list(paragraph)
    for i, ch in enumerate(chars):
        if ch.isdigit() and rng.random() < 0.3:
            chars[i] = str(rng.randrange(1, 10) if i == 0 or not chars[i - 1].isdigit()
                           else rng.randrange(10))
    return "".join(chars)


def reports(count: int, *, seed: int = 7, size: int = 2048) -> list[str]:
    """``count`` varied reports of about ``size`` characters."""
    templates = _Templates()
    rng = random.Random(seed)
    return [templates.report(n, rng, size) for n in range(count)]


def iter_reports(*, seed: int = 7, size: int = 2048) -> Iterator[str]:
    """An endless stream of varied reports."""
    templates = _Templates()
    rng = random.Random(seed)
    number = 0
    while True:
        yield templates.report(number, rng, size)
        number += 1


def write_jsonl(path: Path, target_bytes: int, *, seed: int = 11) -> tuple[int, int]:
    """Write varied reports as ``{"id", "text", "published"}`` lines until the file holds
    about ``target_bytes``; returns (reports, bytes)."""
    rng = random.Random(seed)
    written = count = 0
    with path.open("w", encoding="utf-8") as out:
        for text in iter_reports(seed=seed):
            record = {"id": f"r{count:07d}", "text": text}
            if rng.random() < 0.5:
                record["published"] = f"20{rng.randrange(13, 24)}-0{rng.randrange(1, 10)}-1{rng.randrange(0, 9)}"
            line = json.dumps(record, ensure_ascii=False) + "\n"
            out.write(line)
            written += len(line.encode("utf-8"))
            count += 1
            if written >= target_bytes:
                break
    return count, written


def mutations(texts: list[str], *, seed: int = 3, per_text: int = 6) -> list[str]:
    """Hostile variants of ``texts`` for checking that two parser versions agree."""
    rng = random.Random(seed)
    noise = ["\u200b", "\u200f", "\u00ad", "\ufeff", "\u00a0", "’", "“", "”", "\r\n", "\t",
             "\u0301", "ـ", "é", "Ş", "—", "\ud800", "\x00", "  ", "\n\n", "'s", "-"]
    out: list[str] = []
    for text in texts:
        out.append(text)
        out.append(text.replace("\n", "\r\n"))
        out.append(text.lower())
        out.append(text.upper())
        for _ in range(per_text):
            a = rng.randrange(len(text))
            b = min(len(text), a + rng.randrange(20, 2500))
            out.append(text[a:b])
            chars = list(text)
            for _ in range(rng.randrange(1, 40)):
                chars.insert(rng.randrange(len(chars) + 1), rng.choice(noise))
            out.append("".join(chars))
        other = rng.choice(texts)
        out.append(text[: len(text) // 2] + other[len(other) // 2:])
    return out


if __name__ == "__main__":  # pragma: no cover
    sample = reports(2000)
    sizes = sorted(len(t.encode("utf-8")) for t in sample)
    print(f"{len(sample)} reports, {len(set(sample))} distinct, median {sizes[len(sizes) // 2]} B, "
          f"min {sizes[0]} B, max {sizes[-1]} B")
