"""Exceptions. Messy text never raises: it yields a Report with diagnostics. Only a broken
contract does: a non-``str`` text, an unknown outlet id, an invalid argument, a bad plugin."""

from __future__ import annotations


class ConflictParseError(Exception):
    """Root of every exception conflictparse raises."""


class InputTypeError(ConflictParseError, TypeError):
    """``parse`` was given something that is not a ``str``.

    Decode bytes first (``data.decode("utf-8", errors="replace")``) or read files with the CLI,
    which reports undecodable files by name.
    """

    def __init__(self, value: object) -> None:
        self.value = value
        super().__init__(
            f"text must be a str (got {type(value).__name__}: {_preview(value)}); "
            "decode bytes before parsing"
        )


class UnknownOutletError(ConflictParseError, ValueError):
    """An outlet id was asked for that no registered plugin profile provides."""

    def __init__(self, outlet: str, known: list[str]) -> None:
        self.outlet = outlet
        self.known = known
        super().__init__(f"unknown outlet {outlet!r}; registered outlets: {', '.join(known)}")


class PluginRegistrationError(ConflictParseError, ValueError):
    """A plugin registered something invalid; ``.plugin`` names the plugin."""

    def __init__(self, plugin: str, message: str) -> None:
        self.plugin = plugin
        super().__init__(f"plugin {plugin!r}: {message}")


class PartialResult(ConflictParseError):
    """Raised by a hook implementation that met a problem but still has a ``result`` for
    the rest: the Parser reports the problem (a ``plugin-error`` diagnostic with this
    message) and uses the result. The profile plugin raises it when one outlet's markers
    time out, so the other outlets are still detected."""

    def __init__(self, result: object, message: str) -> None:
        self.result = result
        super().__init__(message)


def _preview(value: object, limit: int = 40) -> str:
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"
