"""Write sample frames as Excel workbooks in the long template layout.

Headers and labels are the Dutch ones a social worker types (``cliëntnummer``,
``voormeting``, ``deelnemer``...), dates are real Excel dates, and xlsxwriter's
constant-memory mode writes a million rows in a few seconds.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import xlsxwriter

MEASUREMENT_HEADERS: dict[str, str] = {
    "client_ref": "cliëntnummer",
    "programme": "programma",
    "group": "groep",
    "wijk": "wijk",
    "instrument": "instrument",
    "domain": "domein",
    "date": "datum",
    "wave": "meetmoment",
    "value": "score",
}
AREA_HEADERS: dict[str, str] = {
    "programme": "programma",
    "area_code": "gebiedscode",
    "period": "jaar",
    "indicator": "indicator",
    "value": "waarde",
    "first_treated": "eerste jaar interventie",
}
GROUP_LABELS = {"treated": "deelnemer", "comparison": "vergelijkingsgroep"}
WAVE_LABELS = {0: "voormeting", 1: "nameting"}
DATA_SHEET = "Gegevens"


def write_measurements(frame: pd.DataFrame, path: Path | str) -> Path:
    """Write participant measurements (one row per measurement) to ``path``."""
    path = Path(path)
    columns = list(MEASUREMENT_HEADERS)
    out = frame[columns].copy()
    out["group"] = out["group"].map(GROUP_LABELS)
    out["wave"] = out["wave"].map(WAVE_LABELS).fillna(out["wave"].astype(str))
    dates = pd.to_datetime(out.pop("date"))
    serial = ((dates - pd.Timestamp("1899-12-30")).dt.days).astype(float).tolist()
    with xlsxwriter.Workbook(path, {"constant_memory": True}) as book:
        sheet = book.add_worksheet(DATA_SHEET)
        date_fmt = book.add_format({"num_format": "dd-mm-yyyy"})
        sheet.write_row(0, 0, [MEASUREMENT_HEADERS[c] for c in columns])
        text_cols = [out[c].astype(str).tolist() for c in columns[:6]]
        wave = out["wave"].astype(str).tolist()
        value = out["value"].astype(float).tolist()
        # the undecorated writers: the public ones re-parse arguments per cell
        write_string, write_number = sheet._write_string, sheet._write_number
        # one row at a time, as constant-memory mode requires
        for i in range(len(out)):
            row = i + 1
            for j, column in enumerate(text_cols):
                write_string(row, j, column[i])
            write_number(row, 6, serial[i], date_fmt)
            write_string(row, 7, wave[i])
            write_number(row, 8, value[i])
    return path


def write_area(frame: pd.DataFrame, path: Path | str) -> Path:
    """Write area observations (one row per area, year and indicator)."""
    path = Path(path)
    columns = list(AREA_HEADERS)
    with xlsxwriter.Workbook(path, {"constant_memory": True}) as book:
        sheet = book.add_worksheet(DATA_SHEET)
        sheet.write_row(0, 0, [AREA_HEADERS[c] for c in columns])
        for i, row in enumerate(frame[columns].itertuples(index=False), start=1):
            for j, value in enumerate(row):
                _write(sheet, i, j, value)
    return path


def _write(
    sheet: xlsxwriter.worksheet.Worksheet, row: int, col: int, value: object
) -> None:
    if (
        value is None
        or value is pd.NA
        or (isinstance(value, float) and np.isnan(value))
    ):
        return
    if isinstance(value, bool | np.bool_):
        sheet.write_string(row, col, "ja" if value else "nee")
    elif isinstance(value, int | float | np.integer | np.floating):
        sheet.write_number(row, col, float(value))
    else:
        sheet.write_string(row, col, str(value))
