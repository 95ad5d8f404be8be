"""Hypothesis profiles for the property tests, chosen by ``$HYPOTHESIS_PROFILE``:

``ci`` (the default)  derandomised, 50 examples per property, no deadline: fast and repeatable.
``fuzz``              2,500 random examples per property, no deadline (``nox -s fuzz``).

The profiles are registered by :func:`conflictparse.testing.register_profiles`, so plugin
conformance suites run under the same ones.
"""

from __future__ import annotations

from hypothesis import settings

from conflictparse.testing import register_profiles

register_profiles(load=True)

assert settings.get_profile("ci").derandomize
assert settings.get_profile("ci").deadline is None
assert settings.get_profile("fuzz").max_examples >= 2000
