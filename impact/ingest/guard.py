"""Refuse hostile or wrong files before any parser sees them.

Everything here reads only the first bytes of the upload and the zip central
directory (:mod:`zipfile` does not decompress to list entries), plus the first
:data:`XML_HEAD_BYTES` of each XML part, so a refusal takes milliseconds whatever
the file claims to contain. Refused: empty files, files over the size cap,
legacy or password-protected OLE files, non-Excel content with an Excel name,
macro-enabled workbooks, zip bombs (entry count, total size and compression
ratio caps) and XML with a DOCTYPE or ENTITY declaration (entity bombs, external
entities). The size of the used range is checked later, by the streaming scan in
:mod:`impact.ingest.xmlscan`, still before the workbook is parsed.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass
from pathlib import PurePath
from typing import Literal

from impact.errors import ImportRefused
from impact.i18n import t
from impact.ingest.problems import Problem

FileFormat = Literal["xlsx", "ods", "csv"]
_ROOT = re.compile(rb"<[A-Za-z_]")

MAX_ZIP_ENTRIES = 1000
MAX_TOTAL_UNCOMPRESSED = 1024 * 1024 * 1024
MAX_RATIO = 200
#: entries smaller than this may have any compression ratio
RATIO_FLOOR_BYTES = 1024 * 1024
XML_HEAD_BYTES = 64 * 1024

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06")
EXCEL_EXTENSIONS = {".xlsx", ".xlsm", ".xltx", ".xltm", ".xls", ".xlsb"}
ODS_EXTENSIONS = {".ods", ".ots"}
CSV_EXTENSIONS = {".csv", ".txt", ".tsv"}
MACRO_EXTENSIONS = {".xlsm", ".xltm"}
ODS_MIMETYPE = b"application/vnd.oasis.opendocument.spreadsheet"


@dataclass(frozen=True, slots=True)
class CheckedFile:
    format: FileFormat
    extension: str


def refuse(code: str, **params: object) -> ImportRefused:
    """An :class:`ImportRefused` carrying one file-level :class:`Problem`."""
    message = t(f"ingest.{code}", None, **params)
    return ImportRefused(message, [Problem("", None, None, code, message)])


def check_file(data: bytes, filename: str, max_bytes: int) -> CheckedFile:
    """Raise :class:`ImportRefused` for a file that must not be parsed."""
    ext = PurePath(filename or "").suffix.lower()
    if not data:
        raise refuse("file_empty")
    if len(data) > max_bytes:
        raise refuse(
            "file_too_large",
            size_mb=round(len(data) / 1024 / 1024, 1),
            max_mb=round(max_bytes / 1024 / 1024, 1),
        )
    if data.startswith(OLE_MAGIC):
        raise refuse("file_ole")
    if data.startswith(ZIP_MAGIC):
        if ext == ".xlsb":
            raise refuse("file_xlsb")
        if ext in MACRO_EXTENSIONS:
            raise refuse("file_macro")
        if ext not in EXCEL_EXTENSIONS | ODS_EXTENSIONS | CSV_EXTENSIONS:
            raise refuse("file_type", ext=ext or "?")
        return CheckedFile(check_zip(data), ext)
    if ext in CSV_EXTENSIONS:
        _check_text(data)
        return CheckedFile("csv", ext)
    if ext in EXCEL_EXTENSIONS | ODS_EXTENSIONS:
        raise refuse("file_not_excel", what=sniff_content(data))
    raise refuse("file_type", ext=ext or "?")


def sniff_content(data: bytes) -> str:
    """A plain name for what a non-Excel file seems to be (for the message)."""
    head = data[:1024].lstrip().lower()
    if head.startswith(b"%pdf"):
        return "PDF"
    if head.startswith((b"<!doctype html", b"<html")) or b"<html" in head:
        return "HTML"
    if head.startswith(b"<?xml") or head.startswith(b"<"):
        return "XML"
    if b"\x00" in data[:4096]:
        return t("ingest.content_binary")
    return t("ingest.content_text")


def _check_text(data: bytes) -> None:
    head = data[:65536]
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return  # UTF-16 text with a byte-order mark ("Unicode text" from Excel)
    if head.lstrip().startswith(b"%PDF") or b"\x00" in head:
        raise refuse("file_not_csv", what=sniff_content(data))


def check_zip(data: bytes) -> FileFormat:
    """Central-directory and XML-head checks of an OOXML or OpenDocument package."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, OSError, ValueError):
        raise refuse("file_corrupt") from None
    with archive:
        infos = archive.infolist()
        _check_entries(infos)
        names = {i.filename for i in infos}
        kind = _package_kind(archive, names)
        for info in infos:
            if info.filename.lower().endswith((".xml", ".rels", ".vml")):
                check_xml_part(archive, info)
    return kind


def _package_kind(archive: zipfile.ZipFile, names: set[str]) -> FileFormat:
    if "xl/workbook.bin" in names:
        raise refuse("file_xlsb")
    if "xl/workbook.xml" in names:
        return "xlsx"
    if "mimetype" in names and "content.xml" in names:
        try:
            mimetype = archive.read("mimetype")[:100].strip()
        except (zipfile.BadZipFile, OSError, EOFError, ValueError):
            raise refuse("file_corrupt") from None
        if mimetype == ODS_MIMETYPE:
            return "ods"
        raise refuse("file_not_excel", what="OpenDocument")
    if "word/document.xml" in names or "ppt/presentation.xml" in names:
        raise refuse("file_not_excel", what="Word/PowerPoint")
    raise refuse("file_not_excel", what="zip")


def _check_entries(infos: list[zipfile.ZipInfo]) -> None:
    if len(infos) > MAX_ZIP_ENTRIES:
        raise refuse("zip_entries", count=len(infos), limit=MAX_ZIP_ENTRIES)
    total = 0
    for info in infos:
        name = info.filename.lower()
        if name.endswith("vbaproject.bin") or name.startswith("xl/macrosheets/"):
            raise refuse("file_macro")
        if info.flag_bits & 0x1:
            raise refuse("file_ole")
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise refuse("file_corrupt")
        total += info.file_size
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size > RATIO_FLOOR_BYTES and ratio > MAX_RATIO:
            raise refuse("zip_ratio", name=info.filename, ratio=int(ratio))
    if total > MAX_TOTAL_UNCOMPRESSED:
        raise refuse(
            "zip_total",
            size_mb=total // (1024 * 1024),
            limit_mb=MAX_TOTAL_UNCOMPRESSED // (1024 * 1024),
        )


def check_xml_part(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> None:
    """Refuse a part whose head declares a DOCTYPE or ENTITY (or hides one)."""
    try:
        with archive.open(info) as handle:
            head = handle.read(XML_HEAD_BYTES)
    except (zipfile.BadZipFile, OSError, EOFError, ValueError):
        raise refuse("file_corrupt") from None
    lowered = head.lower()
    if b"<!doctype" in lowered or b"<!entity" in lowered:
        raise refuse("xml_dtd", name=info.filename)
    if head.strip() and not _ROOT.search(head):
        # a DOCTYPE may only precede the root element: a prolog longer than
        # XML_HEAD_BYTES (comments hiding a DTD further on) is refused too
        raise refuse("xml_dtd", name=info.filename)
    if info.filename == "[Content_Types].xml" and b"macroenabled" in lowered:
        raise refuse("file_macro")
