"""The cell readers of a column-wise read, in a child process.

A large sheet's cells are read while the parent process runs the structural
scan: both take seconds and use different cores. The readers run here, not in
the parent, because the scan has not yet cleared the file: a hostile file that
would make a reader abort (a used range of billions of cells) kills only this
process, and the parent refuses the file when its scan finishes.

Protocol: the parent writes the upload to stdin; this process writes a pickled
``(head, start, first_col, height)`` (or ``None``) and then one Arrow IPC
record batch to stdout. Run as ``python -m impact.ingest.fastworker PATH NAME
HEAD_ROWS``.
"""

from __future__ import annotations

import pickle
import sys


def main(argv: list[str]) -> int:
    import pyarrow as pa

    from impact.ingest import fastread

    path, name, head_rows = argv
    fastread.HEAD_ROWS = int(head_rows)
    data = sys.stdin.buffer.read()
    raw = fastread.read_raw(data, path, name)
    out = sys.stdout.buffer
    if raw is None:
        pickle.dump(None, out)
        return 0
    pickle.dump((raw.head, raw.start, raw.first_col, raw.height), out)
    with pa.ipc.new_stream(out, raw.batch.schema) as stream:
        stream.write_batch(raw.batch)
    out.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
