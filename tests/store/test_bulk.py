"""Bulk inserts: chunked, idempotent, all-or-nothing inside the caller's
transaction, on SQLite (worker thread) and PostgreSQL (COPY)."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from impact.store import orgs
from impact.store.bulk import AREA_COLUMNS, insert_ignore, insert_ignore_chunks
from impact.store.engine import session_scope, write_scope
from tests.factories import migrated_engine


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def engine(request, sqlite_url):  # type: ignore[no-untyped-def]
    url = (
        sqlite_url
        if request.param == "sqlite"
        else request.getfixturevalue("postgres_url")
    )
    engine = migrated_engine(url)
    with write_scope(engine) as s:
        org = orgs.create_organisation(session=s, slug="org", name="Org")
        s.connection().execute(
            text(
                "INSERT INTO programme (organisation_id, name, theme, target_group, "
                "design, wijken, created_at) VALUES (:o, 'P', '', '', 'area', '[]', "
                "CURRENT_TIMESTAMP)"
            ),
            {"o": org.id},
        )
    yield engine


def _rows(n: int, start: int = 0) -> list[tuple[object, ...]]:
    # programme_id, area_code, period, indicator, value, first_treated
    return [
        (1, f"WK{i:06d}", 2024, "meldingen", float(i), None) for i in range(start, n)
    ]


def _count(engine) -> int:  # type: ignore[no-untyped-def]
    with session_scope(engine) as s:
        return int(
            s.connection()
            .execute(text("SELECT count(*) FROM areaobservation"))
            .scalar_one()
        )


def test_chunks_insert_and_skip_duplicates_across_chunks(engine) -> None:  # type: ignore[no-untyped-def]
    columns = AREA_COLUMNS[1:-1]  # organisation and batch as constants
    with write_scope(engine) as s:
        chunks = [_rows(500), _rows(800, 300), _rows(800, 700)]  # overlaps
        new = insert_ignore_chunks(
            s, "areaobservation", columns, iter(chunks), {"organisation_id": 1}
        )
    assert new == 800 == _count(engine)
    with write_scope(engine) as s:
        again = insert_ignore(
            s, "areaobservation", columns, _rows(900), {"organisation_id": 1}
        )
    assert again == 100 and _count(engine) == 900


def test_a_failing_chunk_leaves_nothing(engine) -> None:  # type: ignore[no-untyped-def]
    columns = AREA_COLUMNS[1:-1]
    bad = _rows(20, 10)
    bad[5] = (999, "WK999999", 2024, "meldingen", 1.0, None)  # no programme 999

    def chunks():  # type: ignore[no-untyped-def]
        yield _rows(10)
        yield bad
        yield _rows(40, 20)

    with (
        pytest.raises(Exception, match=r"(?i)foreign key"),
        write_scope(engine) as s,
    ):
        insert_ignore_chunks(
            s, "areaobservation", columns, chunks(), {"organisation_id": 1}
        )
    assert _count(engine) == 0


def test_an_error_while_building_chunks_stops_the_writer(engine) -> None:  # type: ignore[no-untyped-def]
    def chunks():  # type: ignore[no-untyped-def]
        yield _rows(10)
        raise ValueError("frame broke")

    with pytest.raises(ValueError, match="frame broke"), write_scope(engine) as s:
        insert_ignore_chunks(
            s,
            "areaobservation",
            AREA_COLUMNS[1:-1],
            chunks(),
            {"organisation_id": 1},
        )
    assert _count(engine) == 0
