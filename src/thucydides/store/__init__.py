"""The event store: the only home of SQL and DuckDB.

``Store(path)`` opens (and migrates) a DuckDB file; it is the single writer of that file.
"""

from thucydides.store.store import Store

__all__ = ["Store"]
