"""The conflictparse test kit: hypothesis strategies that write report-like text, and a
conformance suite for plugins. Install it with ``pip install "conflictparse[testing]"``.

Test a plugin with a few lines of pytest::

    import my_outlet_plugin
    from conflictparse.testing import OutletStyle, PluginConformance

    class TestConformance(PluginConformance):
        plugin = my_outlet_plugin
        style = OutletStyle(id="my_outlet", name="My Outlet", leads=("(My Outlet) - ",),
                            datelines=("My Outlet, {month} {day}, {yyyy}",))
        samples = sorted(pathlib.Path(__file__).parent.glob("fixtures/*.txt"))

Write properties of your own with the strategies::

    from hypothesis import given
    from conflictparse.testing import strategies as cst, check_report

    @given(cst.with_noise(cst.report_texts(cst.DEBKAFILE)))
    def test_parses(text):
        check_report(conflictparse.parse(text), text)

:func:`register_profiles` registers the hypothesis profiles ``ci`` (derandomised, 50
examples) and ``fuzz`` (2,500 examples); call it with ``load=True`` from a ``conftest.py`` to
load the one ``$HYPOTHESIS_PROFILE`` names.
"""

from __future__ import annotations

from . import strategies
from .assertions import assert_not_in_body, body_texts, claim_by
from .conformance import (
    PROBLEM_CODES,
    PluginConformance,
    check_hook_result,
    check_report,
    iter_spans,
    profile_problems,
    register_profiles,
)
from .strategies import (
    DEBKAFILE,
    GENERIC,
    STYLES,
    SYRIAN_OBSERVER,
    ZAMAN_AL_WASL,
    Attribution,
    OutletStyle,
    SampleReport,
)

__all__ = [
    "DEBKAFILE",
    "GENERIC",
    "PROBLEM_CODES",
    "STYLES",
    "SYRIAN_OBSERVER",
    "ZAMAN_AL_WASL",
    "Attribution",
    "OutletStyle",
    "PluginConformance",
    "SampleReport",
    "assert_not_in_body",
    "body_texts",
    "check_hook_result",
    "check_report",
    "claim_by",
    "iter_spans",
    "profile_problems",
    "register_profiles",
    "strategies",
]
