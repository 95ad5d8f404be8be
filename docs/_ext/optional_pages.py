"""An mkdocs hook: pages that other changes add (``performance.md``) join the nav once they
exist, at their place, so the nav never names a missing file and a new page is never left out.

Loaded from ``mkdocs.yml`` (``hooks``); not published with the site.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

OPTIONAL_PAGES = (
    ("Performance", "performance.md", "evaluation.md"),
)
"""(title, file, the page it follows in the nav)."""


def on_config(config: Any, **kwargs: Any) -> Any:
    """Insert each optional page that exists after the page it follows."""
    nav: list[dict[str, Any]] = config["nav"]
    listed = {value for entry in nav for value in entry.values() if isinstance(value, str)}
    for title, page, after in OPTIONAL_PAGES:
        if page in listed or not (Path(config["docs_dir"]) / page).is_file():
            continue
        position = next((n for n, entry in enumerate(nav) if after in entry.values()), len(nav) - 1)
        nav.insert(position + 1, {title: page})
    return config
