"""LibreOffice headless, as the tests run it: a document converted to PDF in a private profile."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


def convert_to_pdf(document: Path, folder: Path) -> subprocess.CompletedProcess[str]:
    """Convert ``document`` into ``folder/<stem>.pdf``; the profile lives in ``folder`` too."""
    assert SOFFICE is not None
    return subprocess.run(
        [
            SOFFICE,
            f"-env:UserInstallation=file://{folder / 'profile'}",
            "--headless",
            "--norestore",
            "--convert-to",
            "pdf",
            "--outdir",
            str(folder / "out"),
            str(document),
        ],
        capture_output=True,
        text=True,
        timeout=180,
    )
