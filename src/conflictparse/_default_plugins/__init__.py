"""Built-in plugins, registered before any third-party plugin through the same hooks."""

from __future__ import annotations

DEFAULT_PLUGINS = (
    "conflictparse._default_plugins.generic",
)
"""Modules registered as plugins by every Parser (the profile plugin is added per Parser)."""
