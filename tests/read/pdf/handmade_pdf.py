"""Small PDFs written object by object: the damaged, encrypted and odd files no tool would make."""

from __future__ import annotations

CATALOG = "<< /Type /Catalog /Pages 2 0 R >>"


def build_pdf(objects: list[str], trailer: str = "") -> bytes:
    """A PDF of ``objects`` (numbered from 1, object 1 the catalog) with a correct xref table."""
    out = b"%PDF-1.4\n"
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n{body}\nendobj\n".encode("latin-1")
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{o:010d} 00000 n \n".encode() for o in offsets)
    out += (
        f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R {trailer}>>\nstartxref\n{xref}\n%%EOF\n".encode()
    )
    return out


def stream(content: str) -> str:
    """A stream object's body."""
    return f"<< /Length {len(content.encode('latin-1'))} >>\nstream\n{content}\nendstream"
