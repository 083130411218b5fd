"""Bounds on what one PDF may cost to read; beyond them the reader refuses with an InputError."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Limits:
    max_bytes: int = 50 * 1024 * 1024  # the same bound as read.sniff
    max_pages: int = 300  # a disclosure has tens of pages; a 2,000-page file is refused
    max_glyphs_per_page: int = 20_000  # a dense A4 page holds ~3,000
    max_path_segments_per_page: int = 50_000  # rulings of a large table are ~1,000
    max_form_depth: int = 8  # nesting of form XObjects followed for rulings
    max_rulings_per_page: int = 600  # after merging; a ruled page has ~60, corners grow as their square


DEFAULT_LIMITS = Limits()
