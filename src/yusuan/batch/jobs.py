"""One document's job, as a worker runs it: plain data in, plain data out (it crosses processes).

A job reads one document and checks it (or only reads it, for ``parse``), optionally against
last year's document; the outcome carries the single-document JSON contract, and what the
caller asked for besides (the terminal text, the HTML report). Input that cannot be read
becomes an outcome with an error line, never an exception: one bad file does not stop a batch.
"""

from __future__ import annotations

import hashlib
import json
import resource
import time
from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING, Any

from yusuan import api

if TYPE_CHECKING:
    from yusuan.check.engine import Report
    from yusuan.model import Disclosure


@dataclass(frozen=True)
class Options:
    """What every document of a batch is run with."""

    command: str = "check"  # "check" | "parse"
    profile: str | None = None
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    unit_type: str | None = None
    show_info: bool = False

    def key(self, previous_sha256: str = "") -> str:
        """What makes two results of the same document and version interchangeable."""
        wanted = asdict(self)
        wanted["previous"] = previous_sha256
        text = json.dumps(wanted, sort_keys=True, ensure_ascii=False)
        return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


@dataclass(frozen=True)
class Job:
    file: str
    options: Options
    previous: str | None = None  # last year's document of the same unit
    want_text: bool = False
    want_html: bool = False
    out_dir: str | None = None  # export: where this document's package goes
    want_panel: bool = False  # check: the document's cells as panel rows too (outcome.extra["panel"])
    want_places: bool = False  # check: each finding's places on the page too (finding "places", add_places)


@dataclass
class Outcome:
    """What became of one document."""

    file: str
    data: dict[str, Any] | None = None  # the JSON contract (report or disclosure)
    error: str = ""
    text: str = ""
    html: str = ""
    sha256: str = ""
    previous: str | None = None
    from_store: bool = False
    cpu_seconds: float = 0.0  # the worker's CPU time for this document
    worker_peak_mb: float = 0.0  # the worker's largest resident memory so far
    extra: dict[str, Any] = field(default_factory=dict)

    def json_line(self) -> dict[str, Any]:
        """The object printed for this document: its contract, or ``{"file", "error"}``."""
        if self.data is None:
            return {"file": self.file, "error": self.error}
        return self.data

    @property
    def has_errors(self) -> bool:
        return self.data is not None and int(self.data.get("summary", {}).get("errors", 0)) > 0


def run_job(job: Job) -> Outcome:
    """Read (and check) one document; never raises for bad input."""
    start = time.process_time()
    outcome = _run(job)
    outcome.cpu_seconds = time.process_time() - start
    outcome.worker_peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return outcome


def _run(job: Job) -> Outcome:
    options = job.options
    try:
        if options.command == "export":
            return _export(job)
        if options.command == "parse":
            disclosure = api.parse(job.file, profile=options.profile)
            text = api.summary_text(disclosure) if job.want_text else ""
            return Outcome(job.file, api.disclosure_to_json(disclosure), text=text)
        disclosure = api.parse(job.file, profile=options.profile)
        before = api.parse(job.previous, profile=options.profile) if job.previous is not None else None
        report = api.check_disclosure(
            disclosure, options.select, options.ignore, options.unit_type, previous=before
        )
        outcome = Outcome(
            job.file,
            api.report_to_json(report),
            text=api.report_text(report, job.file, show_info=options.show_info) if job.want_text else "",
            html=api.check_html(report) if job.want_html else "",
            previous=job.previous,
        )
        if job.want_places:
            previous = (job.previous, before) if job.previous is not None and before is not None else None
            add_places(job.file, disclosure, report, outcome, previous)
        if job.want_panel:
            from yusuan.batch.panel import panel_rows

            outcome.extra["panel"] = panel_rows(disclosure, job.file)
        return outcome
    except api.InputError as exc:
        return Outcome(job.file, error=str(exc))
    except RecursionError:
        return Outcome(job.file, error=f"{job.file}: 文件结构嵌套过深 / structure nested too deeply")
    except Exception as exc:  # a reader bug on one document must not stop the other 49,999
        return Outcome(job.file, error=f"{job.file}: 内部错误 / internal error: {type(exc).__name__}: {exc}")


def add_places(
    file: str,
    disclosure: Disclosure,
    report: Report,
    outcome: Outcome,
    previous: tuple[str, Disclosure] | None = None,
) -> None:
    """Each finding of the report JSON gets ``"places"`` (api.finding_places), computed here from
    the Disclosure just read so that no one reads the file again to show a finding (a cross-year
    finding's places in last year's document from ``previous``, its file and Disclosure). A place that
    cannot be computed leaves the findings without places (a viewer then reads the file itself)
    and says why in ``outcome.extra["places_error"]``; the check itself stands."""
    assert outcome.data is not None
    start = time.perf_counter()
    try:
        places = api.finding_places(file, disclosure, report.findings, previous)
    except Exception as exc:  # a bug in placing must not lose the check
        outcome.extra["places_error"] = f"{type(exc).__name__}: {exc}"
        return
    for finding, where in zip(outcome.data["findings"], places, strict=True):
        finding["places"] = where
    outcome.extra["places_seconds"] = time.perf_counter() - start


def _export(job: Job) -> Outcome:
    from yusuan.batch.panel import panel_rows

    disclosure = api.parse(job.file, profile=job.options.profile)
    written = api.export_disclosure(disclosure, job.out_dir or ".")
    outcome = Outcome(job.file, {"file": job.file, "written": [str(p) for p in written]})
    outcome.extra["panel"] = panel_rows(disclosure, job.file)
    return outcome
