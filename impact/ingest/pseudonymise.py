"""Replace raw client references by pseudonyms, once per distinct client."""

from __future__ import annotations

import numpy as np
import pandas as pd

from impact.domain.pseudonym import pseudonymise_many


def pseudonymise_refs(refs: pd.Series, key: bytes) -> pd.Series:
    """Pseudonyms for raw references, one HMAC per distinct reference."""
    codes, uniques = pd.factorize(refs, use_na_sentinel=False)
    # a plain list: iterating an Arrow-backed array value by value is slow
    distinct = np.asarray(uniques, dtype=object).tolist()
    hashed = np.array(pseudonymise_many(distinct, key), dtype=object)
    return pd.Series(
        pd.array(hashed, dtype="str").take(np.asarray(codes)), index=refs.index
    )


def pseudonymise_frame(measurements: pd.DataFrame, key: bytes) -> pd.DataFrame:
    """``client_ref`` → ``participant`` (HMAC-SHA256 with the organisation key).

    The HMAC runs once per distinct reference and is broadcast by code, so a
    million rows with ten thousand clients cost ten thousand hashes. The raw
    reference is not kept in the result.
    """
    participant = pseudonymise_refs(measurements["client_ref"], key)
    out = measurements.drop(columns=["client_ref"])
    out.insert(0, "participant", participant.set_axis(out.index))
    return out
