"""Reading the packaged YAML data files.

libyaml's C loader where PyYAML was built with it (the wheels are), the pure
Python one otherwise: the same documents, about ten times faster, which is
most of the start-up time of the actor dictionary.
"""

from __future__ import annotations

from typing import Any

import yaml

_LOADER: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_yaml(text: str) -> Any:
    """Parse ``text`` as YAML with the safe loader (plain data only)."""
    return yaml.load(text, Loader=_LOADER)
