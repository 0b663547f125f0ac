"""One resolver for the scan and the reader: an OOXML package's worksheets.

The worksheets are resolved once, from the package relationships, the workbook
part and its relationships, the way the Open Packaging Conventions define it:
relative targets against the workbook's folder, absolute targets from the root,
``%20``-style escapes, transitional and strict OOXML namespaces, worksheets by
relationship *type* (not by folder or file extension). Then a **reader's copy**
is built: a new zip holding only the parts resolved here, at standard paths
(``xl/workbook.xml`` written by us, ``xl/worksheets/sheet1.xml`` ...,
``xl/sharedStrings.xml``, ``xl/styles.xml``), each copied byte for byte in its
compressed form (no inflating, no recompression).

The structural scan reads that copy, and the cell reader (in a child process)
opens that copy, by the names given here. So the scan checks every part the
reader can touch, and both agree on what each sheet is, whatever the original
package did with duplicate names, odd targets or duplicate zip entries.

Refused (with a message): duplicate zip entries, two worksheets with the same
name (Excel never writes either), targets outside the package or missing,
DOCTYPE/ENTITY declarations in any resolved part (whatever its extension).
"""

from __future__ import annotations

import io
import struct
import zipfile
import zlib
from dataclasses import dataclass
from posixpath import dirname, join, normpath
from urllib.parse import unquote
from xml.sax.saxutils import quoteattr

from defusedxml import ElementTree

from impact.ingest.guard import check_xml_part, refuse

_PACKAGE_RELS = "_rels/.rels"
#: the workbook part and relationship parts are parsed whole: at most this size
MAX_INDEX_BYTES = 16 * 1024 * 1024
_LOCAL_HEADER = struct.Struct("<IHHHHHIIIHH")
_CENTRAL = struct.Struct("<IHHHHHHIIIHHHHHII")
_END = struct.Struct("<IHHHHIIH")
_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_FORBIDDEN_SHEET_TYPES = ("/macrosheet", "/xlMacrosheet", "/xlIntlMacrosheet")


@dataclass(frozen=True, slots=True)
class SheetPart:
    """A worksheet: its name, its part in the upload and in the reader's copy."""

    name: str
    source: str
    path: str
    visible: bool


@dataclass(frozen=True)
class Package:
    """The resolved worksheets and the reader's copy of the package."""

    sheets: tuple[SheetPart, ...]
    data: bytes
    parts: tuple[str, ...]  # every part of the copy besides the worksheets


def resolve(data: bytes) -> Package:
    """Resolve the worksheets of ``data`` and build the reader's copy."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, OSError, ValueError):
        raise refuse("file_corrupt") from None
    with archive:
        infos = _unique_entries(archive)
        book_path = _workbook_path(archive, infos)
        book = _xml(archive, infos, book_path)
        rels = _relationships(archive, infos, book_path)
        sheets, extras = _sheets(book, rels, infos)
        copy = _RawZip(data)
        targets = [(s.source, s.path) for s in sheets]
        targets += [(source, f"xl/{kind}.xml") for kind, source in extras.items()]
        for source, target in targets:
            check_xml_part(archive, infos[source])  # whatever its extension
            copy.copy(infos[source], target)
        parts = [target for _, target in targets[len(sheets) :]]
        copy.write("xl/workbook.xml", _workbook_xml(book, sheets))
        copy.write("xl/_rels/workbook.xml.rels", _workbook_rels(sheets, extras))
        copy.write("_rels/.rels", _ROOT_RELS)
        copy.write("[Content_Types].xml", _content_types(sheets, extras))
    return Package(tuple(sheets), copy.finish(), tuple(parts))


def _unique_entries(archive: zipfile.ZipFile) -> dict[str, zipfile.ZipInfo]:
    """Entries by name; a name twice (also differing only in case) is refused."""
    out: dict[str, zipfile.ZipInfo] = {}
    seen: set[str] = set()
    for info in archive.infolist():
        folded = info.filename.replace("\\", "/").casefold()
        if folded in seen:
            raise refuse("zip_duplicate", name=info.filename)
        seen.add(folded)
        out[info.filename] = info
    return out


def _xml(
    archive: zipfile.ZipFile, infos: dict[str, zipfile.ZipInfo], path: str
) -> object:
    info = infos.get(path)
    if info is None or info.file_size > MAX_INDEX_BYTES:
        raise refuse("file_corrupt")
    check_xml_part(archive, info)
    try:
        return ElementTree.fromstring(archive.read(info))
    except Exception:  # defusedxml refusals, malformed XML, a lying size
        raise refuse("file_corrupt") from None


def _local(tag: object) -> str:
    return str(tag).rsplit("}", 1)[-1]


def _targets(rels: object, base: str) -> dict[str, tuple[str, str]]:
    """Relationship id -> (type, resolved part name) of a .rels part."""
    out = {}
    for rel in rels.iter():  # type: ignore[attr-defined]
        if _local(rel.tag) != "Relationship" or rel.get("TargetMode") == "External":
            continue
        target = unquote(rel.get("Target", "")).replace("\\", "/")
        if not target:
            continue
        path = target[1:] if target.startswith("/") else join(base, target)
        path = normpath(path)
        if path.startswith(("../", "/")) or path in (".", ".."):
            raise refuse("file_corrupt")  # a target outside the package
        out[rel.get("Id", "")] = (rel.get("Type", ""), path)
    return out


def _workbook_path(archive: zipfile.ZipFile, infos: dict[str, zipfile.ZipInfo]) -> str:
    """The office document named by the package relationships (else the default)."""
    if _PACKAGE_RELS in infos:
        rels = _xml(archive, infos, _PACKAGE_RELS)
        for kind, path in _targets(rels, "").values():
            if kind.endswith("/officeDocument"):
                return path
    return "xl/workbook.xml"


def _relationships(
    archive: zipfile.ZipFile, infos: dict[str, zipfile.ZipInfo], book_path: str
) -> dict[str, tuple[str, str]]:
    folder = dirname(book_path)
    rels_path = join(folder, "_rels", book_path.rsplit("/", 1)[-1] + ".rels")
    return _targets(_xml(archive, infos, rels_path), folder)


def _sheets(
    book: object, rels: dict[str, tuple[str, str]], infos: dict[str, zipfile.ZipInfo]
) -> tuple[list[SheetPart], dict[str, str]]:
    sheets: list[SheetPart] = []
    names: set[str] = set()
    for element in book.iter():  # type: ignore[attr-defined]
        if _local(element.tag) != "sheet":
            continue
        rid = next((v for k, v in element.attrib.items() if _local(k) == "id"), "")
        kind, source = rels.get(rid, ("", ""))
        if kind.endswith(_FORBIDDEN_SHEET_TYPES):
            raise refuse("file_macro")
        if not kind.endswith("/worksheet"):
            continue  # chart sheets and dialog sheets hold no data
        if source not in infos:
            raise refuse("file_corrupt")
        name = element.get("name", "")
        if name.casefold() in names:
            raise refuse("sheet_name_twice", sheet=name)
        names.add(name.casefold())
        visible = element.get("state", "visible") == "visible"
        path = f"xl/worksheets/sheet{len(sheets) + 1}.xml"
        sheets.append(SheetPart(name, source, path, visible))
    extras = {}
    for kind, source in rels.values():
        for wanted in ("sharedStrings", "styles"):
            if kind.endswith("/" + wanted) and source in infos:
                extras[wanted] = source
    return sheets, extras


def _workbook_xml(book: object, sheets: list[SheetPart]) -> bytes:
    date1904 = any(
        _local(e.tag) == "workbookPr" and e.get("date1904", "") in ("1", "true")
        for e in book.iter()  # type: ignore[attr-defined]
    )
    hidden = ' state="hidden"'
    items = "".join(
        f'<sheet name={quoteattr(s.name)} sheetId="{i}" r:id="rId{i}"'
        f"{'' if s.visible else hidden}/>"
        for i, s in enumerate(sheets, 1)
    )
    return (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        f'<workbook xmlns="{_MAIN}" xmlns:r="{_REL}">'
        f'<workbookPr date1904="{int(date1904)}"/>'
        f"<sheets>{items}</sheets></workbook>"
    ).encode()


def _workbook_rels(sheets: list[SheetPart], extras: dict[str, str]) -> bytes:
    rels = [
        (f"rId{i}", "worksheet", f"worksheets/sheet{i}.xml")
        for i in range(1, len(sheets) + 1)
    ]
    rels += [(f"rIdx{kind}", kind, f"{kind}.xml") for kind in extras]
    body = "".join(
        f'<Relationship Id="{rid}" Type="{_REL}/{kind}" Target="{target}"/>'
        for rid, kind, target in rels
    )
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
        f'relationships">{body}</Relationships>'
    ).encode()


_ROOT_RELS = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
    b'relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.'
    b'org/officeDocument/2006/relationships/officeDocument" '
    b'Target="xl/workbook.xml"/></Relationships>'
)
_CT = "application/vnd.openxmlformats-officedocument.spreadsheetml"


def _content_types(sheets: list[SheetPart], extras: dict[str, str]) -> bytes:
    overrides = [("/xl/workbook.xml", f"{_CT}.sheet.main+xml")]
    overrides += [(f"/{s.path}", f"{_CT}.worksheet+xml") for s in sheets]
    overrides += [(f"/xl/{kind}.xml", f"{_CT}.{kind}+xml") for kind in extras]
    body = "".join(
        f'<Override PartName="{name}" ContentType="{kind}"/>'
        for name, kind in overrides
    )
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-'
        'package.relationships+xml"/><Default Extension="xml" '
        f'ContentType="application/xml"/>{body}</Types>'
    ).encode()


class _RawZip:
    """A zip written by hand: parts of ``source`` copied in compressed form."""

    def __init__(self, source: bytes) -> None:
        self.source = source
        self.out = bytearray()
        self.central: list[bytes] = []

    def copy(self, info: zipfile.ZipInfo, name: str) -> None:
        """Entry ``info`` of the source, compressed bytes as they are."""
        at = info.header_offset
        head = self.source[at : at + _LOCAL_HEADER.size]
        if len(head) < _LOCAL_HEADER.size or head[:4] != b"PK\x03\x04":
            raise refuse("file_corrupt")
        name_len, extra_len = _LOCAL_HEADER.unpack(head)[-2:]
        start = at + _LOCAL_HEADER.size + name_len + extra_len
        raw = self.source[start : start + info.compress_size]
        if len(raw) != info.compress_size:
            raise refuse("file_corrupt")
        self._add(name, raw, info.compress_type, info.CRC, info.file_size)

    def write(self, name: str, content: bytes) -> None:
        packer = zlib.compressobj(6, zlib.DEFLATED, -15)
        raw = packer.compress(content) + packer.flush()
        self._add(name, raw, zipfile.ZIP_DEFLATED, zlib.crc32(content), len(content))

    def _add(self, name: str, raw: bytes, method: int, crc: int, size: int) -> None:
        encoded = name.encode()
        offset = len(self.out)
        self.out += _LOCAL_HEADER.pack(
            0x04034B50, 20, 0, method, 0, 0x21, crc, len(raw), size, len(encoded), 0
        )
        self.out += encoded
        self.out += raw
        fields = (20, 20, 0, method, 0, 0x21, crc, len(raw), size, len(encoded))
        entry = _CENTRAL.pack(0x02014B50, *fields, 0, 0, 0, 0, 0, offset)
        self.central.append(entry + encoded)

    def finish(self) -> bytes:
        directory = b"".join(self.central)
        count = len(self.central)
        end = _END.pack(
            0x06054B50, 0, 0, count, count, len(directory), len(self.out), 0
        )
        return bytes(self.out) + directory + end
