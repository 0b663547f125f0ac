"""The organisation's programmes with their counts (funders: funded ones only)."""

from __future__ import annotations

import pandas as pd
import streamlit as st
from common import current_user, engine, tr

from impact.services.admin import programme_overview

user = current_user()
assert user is not None  # noqa: S101 - the router shows this page only when logged in

st.title(tr("app.programmes.title"))
st.caption(user.org_name)
rows = programme_overview(engine=engine(), org_slug=user.org_slug, role=user.role)
if not rows:
    st.info(tr("app.programmes.none"))
else:
    frame = pd.DataFrame(rows).rename(
        columns={
            "name": tr("app.col.programme"),
            "theme": tr("app.col.theme"),
            "participants": tr("cli.count.participants"),
            "measurements": tr("cli.count.measurements"),
            "area_observations": tr("cli.count.area_observations"),
        }
    )
    st.dataframe(
        frame.drop(columns=["id", "design", "start_date", "yearly_cost"]),
        hide_index=True,
        use_container_width=True,
    )
