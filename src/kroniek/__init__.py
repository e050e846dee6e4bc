"""kroniek: news articles about armed conflict in, a sourced and mapped chronicle out.

    >>> import kroniek
    >>> doc = kroniek.analyze(text, published="2025-04", lang="nl")
    >>> doc.to_json()        # the kroniek/1 contract
"""

from __future__ import annotations

import logging

from kroniek.analysis import analyze, analyze_article
from kroniek.doc import SCHEMA, Doc
from kroniek.errors import InputError, KroniekError

__all__ = ["SCHEMA", "Doc", "InputError", "KroniekError", "analyze", "analyze_article"]
__version__ = "0.1.0"

logging.getLogger(__name__).addHandler(logging.NullHandler())
