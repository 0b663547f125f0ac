"""One app replica for the scale-out test (run as a separate process).

Logs in as the demo viewer through Streamlit's AppTest, prints the dashboard's
participant count (a cached figure), waits for a line on stdin, reruns the page
in the same session and prints the count again. Not a test module itself.
"""

from __future__ import annotations

import sys
from pathlib import Path

from streamlit.testing.v1 import AppTest

from impact.i18n import t

APP = str(Path(__file__).resolve().parents[2] / "apps" / "streamlit_app.py")


def count(at: AppTest) -> int:
    label = t("app.dash.kpi.participants", lang="nl")
    value = next(m.value for m in at.metric if m.label == label)
    return int("".join(c for c in str(value) if c.isdigit()))


def main() -> None:
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    at.text_input(key="login_email").input("viewer@demo.wijkimpact.nl")
    at.text_input(key="login_password").input("wijkimpact-demo")
    at.button[0].click()
    at.run()
    print(count(at), flush=True)  # noqa: T201
    sys.stdin.readline()
    at.run()
    print(count(at), flush=True)  # noqa: T201


if __name__ == "__main__":
    main()
