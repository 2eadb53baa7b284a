"""frontwatch.store: articles and events in SQLite or PostgreSQL."""

from frontwatch.store.repository import Store, StoreStats, open_store

__all__ = ["Store", "StoreStats", "open_store"]
