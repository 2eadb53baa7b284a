"""Crowd sizes, as written."""

from __future__ import annotations

import pytest

from frontwatch.extract.crowd import crowd_size


@pytest.mark.parametrize(
    ("text", "size"),
    [
        ("Hundreds of teachers marched to the ministry.", "Hundreds"),
        ("Around 30 workers protested outside the factory.", "Around 30"),
        ("At least 4,000 migrant labourers blocked the highway.", "At least 4,000"),
        ("Tens of thousands of people rallied in the capital.", "Tens of thousands"),
        ("Several dozen nurses stood outside the hospital.", "Several dozen"),
        ("Residents protested in the square. [size=dozens]", "dozens"),
        ("Drivers blocked the road. [size=no report]", None),
        ("Protesters gathered outside parliament.", None),
        ("The 2,000 square km pocket fell on Saturday.", None),
    ],
)
def test_extract_crowd_size(text: str, size: str | None) -> None:
    assert crowd_size(text) == size
