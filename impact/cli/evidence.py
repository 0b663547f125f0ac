"""``impact evidence``: signed evidence packages and the sector hub."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from impact.cli._base import app, echo, engine, handles_errors
from impact.i18n import t

evidence_app = typer.Typer(
    help="Evidence packages: export, keys, trust and import at a sector hub.",
    no_args_is_help=True,
)
app.add_typer(evidence_app, name="evidence")


@evidence_app.command("export")
@handles_errors
def evidence_export(
    org: Annotated[str, typer.Option("--org", help="Organisation slug.")],
    out: Annotated[Path, typer.Option("--out", help="Package file to write (.json).")],
    programme: Annotated[
        list[str] | None,
        typer.Option("--programme", help="Programme (repeat for several; none: all)."),
    ] = None,
    period: Annotated[
        str | None,
        typer.Option(
            "--period",
            help="Period FROM:TO, e.g. 2024-Q1:2024-Q4 (must cover the data).",
        ),
    ] = None,
    kind: Annotated[
        list[str] | None,
        typer.Option(
            "--kind",
            help="PROGRAMME=KIND: schuldhulp, sociaal raadslieden, jongerenwerk, "
            "opbouwwerk, buurthuis, wijkteam, maatschappelijke opvang or other "
            "(default: the programme's theme when it is one of these, else other).",
        ),
    ] = None,
    named: Annotated[
        bool,
        typer.Option(
            "--named", help="Agree that the hub shows the organisation's name."
        ),
    ] = False,
) -> None:
    """Write a signed package of aggregate results (small groups withheld)."""
    from impact.services.evidence import export_package

    package = export_package(
        engine=engine(),
        org_slug=org,
        programme_names=tuple(programme or ()),
        period=period,
        kinds=_kinds(kind or []),
        named=named,
        actor="cli",
    )
    out.write_text(json.dumps(package, indent=2, ensure_ascii=False), encoding="utf-8")
    payload = package["payload"]
    echo(
        t(
            "evidence.cli.exported",
            path=out,
            results=len(payload["results"]),
            withheld=len(payload["withheld"]),
        )
    )


def _kinds(pairs: list[str]) -> dict[str, str]:
    out = {}
    for pair in pairs:
        name, sep, value = pair.rpartition("=")
        if not sep or not name:
            raise typer.BadParameter(t("evidence.bad_kind_option"), param_hint="--kind")
        out[name.strip()] = value.strip()
    return out


@evidence_app.command("key")
@handles_errors
def evidence_key(
    org: Annotated[str, typer.Option("--org", help="Organisation slug.")],
) -> None:
    """Print the organisation's public signing key (one line, base64) to share."""
    from impact.services.evidence import public_key

    echo(public_key(engine=engine(), org_slug=org))


@evidence_app.command("trust")
@handles_errors
def evidence_trust(
    org: Annotated[str, typer.Option("--org", help="Slug of the sector hub.")],
    source: Annotated[
        str, typer.Option("--from", help="Slug of the organisation that signs.")
    ],
    key: Annotated[
        str,
        typer.Option(
            "--key", help="Its public key, as 'impact evidence key' prints it."
        ),
    ],
) -> None:
    """Register the public key of an organisation whose packages the hub accepts."""
    from impact.services.evidence_hub import trust_key

    changed = trust_key(
        engine=engine(), hub_slug=org, source_slug=source, key=key, actor="cli"
    )
    name = "evidence.cli.trusted" if changed else "evidence.cli.trust_unchanged"
    echo(t(name, source=source, hub=org))


@evidence_app.command("import")
@handles_errors
def evidence_import(
    file: Annotated[Path, typer.Argument(help="Package file (.json).")],
    org: Annotated[str, typer.Option("--org", help="Slug of the sector hub.")],
) -> None:
    """Verify a package's signature and store it at the hub (idempotent)."""
    from impact.services.evidence_hub import import_package

    if not file.is_file():
        raise typer.BadParameter(t("cli.file_missing", path=file), param_hint="FILE")
    done = import_package(
        engine=engine(), hub_slug=org, content=file.read_bytes(), actor="cli"
    )
    echo(
        t(
            f"evidence.cli.{done.status}",
            source=done.source,
            period=done.period,
            results=done.results,
        )
    )


@evidence_app.command("pooled")
@handles_errors
def evidence_pooled(
    org: Annotated[str, typer.Option("--org", help="Slug of the sector hub.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Pooled effects (Hedges' g) per intervention kind, outcome and design family."""
    import dataclasses

    from impact.i18n import current_language, fmt_number
    from impact.services.sector import sector_evidence

    result = sector_evidence(engine=engine(), hub_slug=org)
    if as_json:
        echo(json.dumps(dataclasses.asdict(result), ensure_ascii=False, indent=2))
        return
    lang = current_language()
    for pool in result.pools:
        interval = (
            f"[{fmt_number(pool.ci_low, 2)}; {fmt_number(pool.ci_high, 2)}]"
            if pool.ci_low is not None and pool.ci_high is not None
            else "-"
        )
        family = t(f"sector.family.{pool.family}")
        kind = t(f"sector.kind.{pool.kind}")
        echo(f"{kind} · {pool.label} · {family} (k = {pool.k})")
        echo(f"  g = {fmt_number(pool.estimate, 2)} {interval}")
        i2 = "-" if pool.i2 is None else f"{fmt_number(pool.i2, 0)}%"
        echo(f"  {t(f'sector.heterogeneity.{pool.heterogeneity}', lang, i2=i2)}")
        echo(f"  {t(f'sector.conclusion.{pool.conclusion}')}")
        echo(f"  {t(f'sector.strength.{pool.strength}')}")
    labels = {p.outcome: p.label for p in result.pools}
    for kind, outcome in result.mixed:
        echo(
            t(
                "sector.mixed",
                kind=t(f"sector.kind.{kind}"),
                outcome=labels.get(outcome, outcome),
            )
        )


@evidence_app.command("report")
@handles_errors
def evidence_report(
    org: Annotated[str, typer.Option("--org", help="Slug of the sector hub.")],
    out: Annotated[Path, typer.Option("--out", help="File to write.")],
    fmt: Annotated[str, typer.Option("--format", help="pdf or xlsx.")] = "pdf",
    lang: Annotated[str, typer.Option("--lang", help="nl or en.")] = "nl",
) -> None:
    """Write the sector evidence report: what the pooled evidence shows, how strong."""
    from impact.services.sector_report import render_sector_report

    content = render_sector_report(
        engine=engine(), hub_slug=org, fmt=fmt, lang=lang, actor="cli"
    )
    out.write_bytes(content)
    echo(t("cli.report_written", path=out, size=len(content) // 1024))
