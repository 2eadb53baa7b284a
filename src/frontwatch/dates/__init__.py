"""frontwatch.dates: date expressions in news text -> ``DateSpan`` with ACLED precision.

``resolve.py`` is the one module the rest of frontwatch imports from.
"""
