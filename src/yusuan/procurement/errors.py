"""The procurement layer's bad-input error; the API turns it into yusuan.read.errors.InputError."""

from __future__ import annotations


class ProcurementInputError(ValueError):
    """Input the engine cannot take (a malformed amount, date, region, file): where and what."""

    def __init__(self, where: str, problem: str) -> None:
        super().__init__(f"{where}: {problem}")
        self.where = where
        self.problem = problem
