"""The one error a reader raises for input it cannot take: it names the file and the problem."""

from __future__ import annotations


class InputError(Exception):
    """Bad input: the CLI prints it on one line and exits with code 2."""

    def __init__(self, path: str, problem: str) -> None:
        super().__init__(f"{path}: {problem}")
        self.path = path
        self.problem = problem
