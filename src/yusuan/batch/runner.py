"""A batch from paths to outcomes: discover, answer from the store, run the rest, pair years.

Outcomes come back in the order of discovery (folders sorted), whatever the executor, so a
local pool and a Dask cluster print the same JSON Lines. Documents the store already holds
for this yusuan version and these options are not run again. With ``cross_year`` the same
unit's consecutive years are paired after the first pass and the later document is checked
again against the earlier one (or against ``previous`` when one file is named for all).
"""

from __future__ import annotations

import hashlib
import html
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from yusuan import api
from yusuan.batch.discover import Found, discover
from yusuan.batch.jobs import Job, Options, Outcome
from yusuan.batch.pairs import consecutive_years
from yusuan.batch.pool import Executor
from yusuan.check.engine import NEEDS_PREVIOUS
from yusuan.store import Store, StoredReport

Progress = Callable[[int], None]


@dataclass
class BatchResult:
    outcomes: list[Outcome] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # files in folders that are not disclosures
    ran: int = 0  # documents read and checked in this run (the rest came from the store)
    pairs: int = 0  # documents checked against the same unit's previous year

    @property
    def exit_code(self) -> int:
        """1 if any document has an error, 2 if any could not be read and none has, else 0."""
        if any(o.has_errors for o in self.outcomes):
            return 1
        if any(o.data is None for o in self.outcomes):
            return 2
        return 0


@dataclass
class _Slot:
    found: Found
    outcome: Outcome | None = None
    job: Job | None = None


def _sha256(path: str) -> str:
    try:
        return hashlib.sha256(Path(path).read_bytes()).hexdigest()
    except OSError as exc:
        raise api.InputError(
            path, f"无法读取上年文件 / cannot read last year's document: {exc.strerror}"
        ) from None


def _from_store(store: Store | None, slot: _Slot, key: str, want_html: bool) -> Outcome | None:
    if store is None:
        return None
    stored = store.get(slot.found.sha256, key)
    if stored is None or (want_html and "error" not in stored.body and not stored.html):
        return None
    return _rebased(stored, slot.found.file)


def _rebased(stored: StoredReport, file: str) -> Outcome:
    """A stored outcome for the same content found at ``file`` (a copy, a moved file)."""
    if "error" in stored.body and "summary" not in stored.body:  # unreadable: the same again
        error = str(stored.body["error"]).replace(stored.file, file, 1)
        return Outcome(file, error=error, from_store=True)
    body = dict(stored.body)
    body["document"] = {**body.get("document", {}), "file": file}
    text, page = stored.text, stored.html
    if stored.file != file:
        text = text.replace(stored.file, file)
        page = page.replace(html.escape(stored.file), html.escape(file))
    return Outcome(file, body, text=text, html=page, from_store=True)


def _run(
    executor: Executor,
    slots: list[_Slot],
    store: Store | None,
    options: Options,
    previous_sha: Callable[[_Slot], str],
    progress: Progress | None,
) -> int:
    """Fill each slot's outcome by running its job on the executor; return how many ran."""
    todo = [slot for slot in slots if slot.outcome is None and slot.job is not None]
    results: Iterator[Outcome] = executor.map(slot.job for slot in todo if slot.job is not None)
    for slot in slots:
        if slot.outcome is None and slot.job is not None:
            outcome = next(results)
            outcome.sha256 = slot.found.sha256
            slot.outcome = outcome
            if store is not None and options.command == "check":
                store.put(  # unreadable input too: the same bytes will not read better next time
                    slot.found.sha256,
                    options.key(previous_sha(slot)),
                    outcome.file,
                    outcome.json_line(),
                    outcome.text,
                    outcome.html,
                    previous_sha(slot) or None,
                )
        if progress is not None:
            progress(1)
    return len(todo)


def _package_dirs(slots: list[_Slot], out_dir: str | None) -> dict[int, str]:
    """export: each document's package in DIR/<file stem>, numbered when stems repeat."""
    if out_dir is None:
        return {}
    taken: set[str] = set()
    out: dict[int, str] = {}
    for slot in slots:
        stem = Path(slot.found.file).stem
        name, n = stem, 1
        while name in taken:
            n += 1
            name = f"{stem}-{n}"
        taken.add(name)
        out[id(slot)] = str(Path(out_dir) / name)
    return out


def run_batch(
    paths: list[str],
    options: Options,
    executor: Executor,
    *,
    store: Store | None = None,
    want_text: bool = False,
    want_html: bool = False,
    cross_year: bool = True,
    previous: str | None = None,
    progress: Callable[[int], Progress] | None = None,
    out_dir: str | None = None,
) -> BatchResult:
    """Run ``options.command`` over every document under ``paths``."""
    result = BatchResult()
    slots = [_Slot(found) for found in discover(paths, result.skipped)]
    previous_of: dict[int, str] = {}
    previous_hash = _sha256(previous) if previous is not None else ""
    key_previous = previous_hash

    packages = _package_dirs(slots, out_dir)

    def job(slot: _Slot, before: str | None) -> Job:
        return Job(
            slot.found.file,
            options,
            before,
            want_text=want_text,
            want_html=want_html,
            out_dir=packages.get(id(slot)),
        )

    for slot in slots:
        if slot.found.error:
            slot.outcome = Outcome(slot.found.file, error=slot.found.error)
            continue
        slot.outcome = _from_store(store, slot, options.key(key_previous), want_html)
        if slot.outcome is None:
            slot.job = job(slot, previous)
    tick = progress(len(slots)) if progress is not None else None
    result.ran = _run(executor, slots, store, options, lambda _slot: key_previous, tick)

    chosen = api.validate_check_options(options.select, options.ignore) if options.command == "check" else []
    if cross_year and previous is None and any(rule.family in NEEDS_PREVIOUS for rule in chosen):
        indexed = [(i, s.outcome.data) for i, s in enumerate(slots) if s.outcome and s.outcome.data]
        pairs = consecutive_years(indexed)
        result.pairs = len(pairs)
        again: list[_Slot] = []
        for index, before in sorted(pairs.items()):
            slot = slots[index]
            previous_of[index] = slots[before].found.sha256
            cached = _from_store(store, slot, options.key(previous_of[index]), want_html)
            slot.outcome = cached
            if cached is None:
                slot.job = job(slot, slots[before].found.file)
                again.append(slot)
        if again:
            shas = {id(s): previous_of[i] for i, s in enumerate(slots) if i in previous_of}
            tick = progress(len(again)) if progress is not None else None
            result.ran += _run(executor, again, store, options, lambda s: shas.get(id(s), ""), tick)
    result.outcomes = [slot.outcome for slot in slots if slot.outcome is not None]
    return result
