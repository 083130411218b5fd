"""The kind of unit (行政、参公、事业): what the authoring model records and the checker infers.

Its own module so that a `check`, which needs only this, does not load the authoring model
(yusuan.model.budget: its line items, projects and budget, six dataclasses).
"""

from __future__ import annotations

from enum import Enum


class UnitType(Enum):
    ADMINISTRATIVE = "行政"
    CIVIL_SERVICE_MANAGED = "参公"
    PUBLIC_INSTITUTION = "事业"
