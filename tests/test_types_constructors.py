"""The fast constructors of ``_types`` build exactly what attrs' ``__init__`` builds."""

from __future__ import annotations

import datetime as dt
import pickle

import attrs
import pytest

from conflictparse._types import (
    Claim,
    DateMention,
    Mention,
    Precision,
    Report,
    Source,
    SourceKind,
    Span,
    fast_constructor,
    new_claim,
    new_date_mention,
    new_mention,
    new_source,
    new_span,
)

SPAN = Span(start=3, end=7, text="Homs")
OTHER = Span(start=9, end=12, text="Ali")
SOURCE = Source(span=SPAN, name="Homs", kind=SourceKind.OUTLET)
# Two values per field, none of them a field's default.
VALUES: dict[str, tuple[object, object]] = {
    "span": (SPAN, OTHER), "name": ("a", "b"), "kind": (SourceKind.OUTLET, SourceKind.DOCUMENT),
    "actor_id": ("SYR", "RUS"), "outlet": ("sana", "debkafile"), "refers_to": (SPAN, OTHER),
    "source": (SOURCE, attrs.evolve(SOURCE, name="x")), "cue": (SPAN, OTHER),
    "content": (SPAN, OTHER), "direct_quote": (True, False), "hedged": (False, True),
    "hedge": (SPAN, OTHER), "rule": ("r1", "r2"), "confidence": (0.5, 0.25),
    "resolved": (dt.date(2018, 7, 5), dt.date(2019, 1, 1)),
    "precision": (Precision.DAY, Precision.MONTH),
    "start": (3, 9), "end": (7, 12), "text": ("Homs", "Ali"), "entity_id": ("SYR", "RUS"),
}


def _same(fast: object, slow: object) -> None:
    assert type(fast) is type(slow)
    assert fast == slow and hash(fast) == hash(slow) and repr(fast) == repr(slow)
    assert pickle.loads(pickle.dumps(fast)) == slow


@pytest.mark.parametrize(("cls", "new"), [(Span, new_span), (Mention, new_mention),
                                          (Source, new_source), (Claim, new_claim),
                                          (DateMention, new_date_mention)])
def test_fast_constructor_builds_what_attrs_builds(cls: type, new: object) -> None:
    fields = attrs.fields(cls)
    assert callable(new)
    full = {f.name: VALUES[f.name][0] for f in fields}
    _same(new(**full), cls(**full))
    for field in fields:  # each field set on its own: no value lands in another's slot
        changed = dict(full, **{field.name: VALUES[field.name][1]})
        _same(new(**changed), cls(**changed))
        if field.default is attrs.NOTHING:  # required, as in attrs' __init__
            missing = {k: v for k, v in full.items() if k != field.name}
            with pytest.raises(TypeError):
                new(**missing)
            with pytest.raises(TypeError):
                cls(**missing)
    required = {f.name: VALUES[f.name][0] for f in fields if f.default is attrs.NOTHING}
    _same(new(**required), cls(**required))  # defaults honoured
    with pytest.raises(TypeError):  # keyword-only, as attrs' __init__
        new(*full.values())
    with pytest.raises(TypeError):
        new(**full, unknown=1)


def test_fast_constructor_refuses_classes_it_would_build_wrong() -> None:
    @attrs.frozen(kw_only=True)
    class Converted:
        x: int = attrs.field(converter=int)

    @attrs.frozen(kw_only=True)
    class Validated:
        x: int = attrs.field(validator=attrs.validators.instance_of(int))

    @attrs.frozen(kw_only=True)
    class Factoried:
        x: list[int] = attrs.field(factory=list)

    @attrs.frozen(kw_only=True, slots=False)
    class Unslotted:
        x: int

    for cls in (Converted, Validated, Factoried, Unslotted):
        with pytest.raises(TypeError):
            fast_constructor(cls)
    new_report = fast_constructor(Report)  # defaults of every kind, Provenance() included
    assert new_report(text="x") == Report(text="x")
