"""``python -m impact.sample DIR``: regenerate the committed sample workbooks."""

from __future__ import annotations

import sys
from pathlib import Path

from impact.sample.generate import BUURTHUIS, DEBT, YOUTH, demo_data
from impact.sample.workbook import write_area, write_measurements


def write_all(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    data = demo_data()
    m = data.measurements
    return [
        write_measurements(m[m["programme"] == DEBT], folder / "schuldhulp.xlsx"),
        write_measurements(m[m["programme"] == YOUTH], folder / "jongerenwerk.xlsx"),
        write_area(
            data.area_observations[data.area_observations["programme"] == BUURTHUIS],
            folder / "buurthuizen.xlsx",
        ),
    ]


if __name__ == "__main__":
    for path in write_all(Path(sys.argv[1] if len(sys.argv) > 1 else "sample_data")):
        sys.stdout.write(f"{path}\n")
