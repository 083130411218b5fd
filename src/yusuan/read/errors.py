"""The one error a reader raises for input it cannot take: it names the file and the problem."""

from __future__ import annotations

from typing import Any


class InputError(Exception):
    """Bad input: the CLI prints it on one line and exits with code 2.

    ``diagnosis``: what was found, as a JSON object, when there is more to say than the line
    (a document of no known template: what it looks like and which tables it prints);
    ``--json`` prints it.
    """

    def __init__(self, path: str, problem: str, diagnosis: dict[str, Any] | None = None) -> None:
        super().__init__(f"{path}: {problem}")
        self.path = path
        self.problem = problem
        self.diagnosis = diagnosis
