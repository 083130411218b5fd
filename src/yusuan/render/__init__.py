"""Disclosure -> files (PDF, DOCX, XLSX, HTML). Render only writes; it never computes a figure."""
