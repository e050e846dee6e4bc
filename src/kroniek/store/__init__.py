"""The store: where analysed articles and the chronicle across them are kept.

`open_store(target)` opens SQLite (a path, or the default file in the user's data folder)
or PostgreSQL (a `postgresql://` URL) behind the same `Store` interface, with the same
named migrations, recorded in a `migrations` table.
"""

from __future__ import annotations

from kroniek.store.base import Store, default_store_path, open_store

__all__ = ["Store", "default_store_path", "open_store"]
