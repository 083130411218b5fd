"""Take an uploaded file: within the size limit, a format a reader takes, stored by content hash."""

from __future__ import annotations

import hashlib
import os
import tempfile

from fastapi import UploadFile

from yusuan import api
from yusuan.serve.settings import Settings
from yusuan.serve.worker import stored_path
from yusuan.store.people import User
from yusuan.store.workbench import add_upload

CHUNK = 1 << 20


class Rejected(Exception):
    """An upload refused, with the HTTP status and one line for the person."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


def _name(upload: UploadFile) -> str:
    return os.path.basename(upload.filename or "upload")[:200] or "upload"


async def receive(upload: UploadFile, settings: Settings, engine: object, user: User) -> tuple[int, str]:
    """Store one upload and queue its check: (id, status). Rejected for what no reader takes."""
    name = _name(upload)
    settings.upload_dir.mkdir(parents=True, exist_ok=True)
    digest = hashlib.sha256()
    size = 0
    handle, temporary = tempfile.mkstemp(dir=settings.upload_dir, prefix=".incoming-")
    try:
        with os.fdopen(handle, "wb") as out:
            while chunk := await upload.read(CHUNK):
                size += len(chunk)
                if size > settings.max_upload_bytes:
                    limit = f"{settings.max_upload_bytes / (1 << 20):.3g}"
                    raise Rejected(413, f"{name}: 文件超过 {limit} MB / file larger than {limit} MB")
                digest.update(chunk)
                out.write(chunk)
        if size == 0:
            raise Rejected(422, f"{name}: 空文件 / empty file")
        probe = f"{temporary}{os.path.splitext(name)[1].lower()[:8]}"
        os.rename(temporary, probe)
        temporary = probe
        try:
            api.input_format(temporary)
        except api.InputError as exc:
            raise Rejected(422, str(exc).replace(temporary, name)) from None
        sha256 = digest.hexdigest()
        target = stored_path(settings.upload_dir, sha256, name)
        if not target.exists():
            os.replace(temporary, target)
        upload_id, status, _new = add_upload(engine, sha256, name, size, user)  # type: ignore[arg-type]
        return upload_id, status
    finally:
        if os.path.exists(temporary):
            os.unlink(temporary)
