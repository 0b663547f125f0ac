"""Read a zip part as pieces of whole ``<row>`` elements, without big copies.

A worker thread inflates the part (zlib releases the GIL) while the caller
searches the previous block. Each piece is ``(buffer, start, end)``: the bytes
``buffer[start:end]`` hold whole rows, so a search never misses a match cut in
two, and only the short seam between two blocks is ever copied.
"""

from __future__ import annotations

import io
import queue
import threading
import zipfile
from collections.abc import Generator, Iterator

from impact.ingest.guard import refuse

BLOCK_BYTES = 8 * 1024 * 1024
ROW_END = b"</row>"

Piece = tuple[bytes, int, int]


def pieces(data: bytes, path: str) -> Generator[Piece]:
    """Pieces of the part ``path`` of the zip ``data``; a bad part is refused."""
    carry = b""
    for block in blocks(data, path):
        first = block.find(ROW_END)
        if first < 0:
            carry += block
            continue
        first += len(ROW_END)
        last = block.rfind(ROW_END) + len(ROW_END)
        seam = carry + block[:first] if carry else block[:first]
        yield seam, 0, len(seam)
        if last > first:
            yield block, first, last
        carry = block[last:]
    if carry:
        yield carry, 0, len(carry)


def blocks(data: bytes, path: str) -> Iterator[bytes]:
    """Decompressed blocks of a part (any boundaries), inflated by a worker."""
    queued: queue.Queue[bytes | BaseException | None] = queue.Queue(maxsize=2)
    stop = threading.Event()
    worker = threading.Thread(
        target=_inflate, args=(data, path, queued, stop), daemon=True
    )
    worker.start()
    try:
        while (item := queued.get()) is not None:
            if isinstance(item, BaseException):
                raise refuse("file_corrupt") from None
            yield item
    finally:
        stop.set()
        worker.join()


def _inflate(
    data: bytes,
    path: str,
    blocks: queue.Queue[bytes | BaseException | None],
    stop: threading.Event,
) -> None:
    """Worker: put decompressed blocks, then None (or the error) on the queue."""

    def put(item: bytes | BaseException | None) -> bool:
        while not stop.is_set():
            try:
                blocks.put(item, timeout=0.05)
                return True
            except queue.Full:
                continue
        return False

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive, archive.open(path) as part:
            while block := part.read(BLOCK_BYTES):
                if not put(block):
                    return
    except (zipfile.BadZipFile, OSError, EOFError, ValueError, KeyError) as exc:
        put(exc)
        return
    put(None)
