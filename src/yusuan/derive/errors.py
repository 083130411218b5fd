"""The one error derive raises: the budget cannot be turned into the disclosure as given."""

from __future__ import annotations


class DeriveError(ValueError):
    """Bad budget input (a code without a name, an unknown profile …); the message says which.

    api should report it like an InputError: one line, exit 2.
    """
