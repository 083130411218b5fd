"""/units/{unit}: a unit's documents of every year side by side, with the structure and findings charts."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.responses import HTMLResponse

from yusuan.batch.pairs import unit_key
from yusuan.serve.auth import page_user
from yusuan.serve.routes_pages import page
from yusuan.serve.unit_view import change_text, sections, specification, structure_series, wan
from yusuan.store.crossyear import cross_year_findings, unit_uploads
from yusuan.store.figures import decision_counts, figures_of
from yusuan.store.people import User

router = APIRouter(include_in_schema=False)
Viewer = Annotated[User, Depends(page_user)]


@router.get("/units/{unit}")
def unit_page(request: Request, unit: str, user: Viewer) -> HTMLResponse:
    """The unit's checked documents this viewer may see; 404 when there is none (or none visible)."""
    engine = request.app.state.engine
    key = unit_key(unit)
    rows = unit_uploads(engine, user, key) if key else []  # indexed by uploads.unit_key
    if not rows:
        raise HTTPException(404, f"没有可查看的单位“{unit}”的文件 / no document of unit {unit} to show")
    ids = [row["id"] for row in rows]
    figures, _structure = specification()
    return page(
        request,
        "unit.html",
        user,
        unit=rows[-1]["unit"],
        names=sorted({row["unit"] for row in rows}),
        sections=sections(
            rows, figures_of(engine, ids), decision_counts(engine, ids), cross_year_findings(engine, ids)
        ),
        uploads_by_id={row["id"]: row for row in rows},
        figures=figures,
        wan=wan,
        change_text=change_text,
        structure_series=structure_series(),
    )
