"""frontwatch: news articles in, sourced and geocoded conflict events out."""

from __future__ import annotations

__version__ = "0.1.0"
