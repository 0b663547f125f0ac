"""User-provided names shown as text, never as markdown or HTML.

Streamlit renders markdown in titles, captions, alerts, radio options and
labels: a programme called ``![x](https://tracker/p.png) [Log opnieuw
in](https://evil)`` would fetch the image and show a link. Every name a user
chose (programmes, instruments, organisations, mappings, file names, e-mail
addresses) passes :func:`plain` before it reaches such an element, and
messages that carry names pass :func:`msg`. Data frames, select boxes and
charts show text as it is and need neither.
"""

from __future__ import annotations

import re

from common import tr

#: every ASCII punctuation character CommonMark lets a backslash escape, so
#: links, images, emphasis, headings, lists, tables, HTML, math ($), Streamlit's
#: :colour[...] and :material/...: directives all stay literal
_PUNCTUATION = re.compile(r"""([!"#$%&'()*+,\-./:;<=>?@\[\\\]^_`{|}~])""")


#: invisible, no line break: after ``:``, ``www`` and ``@`` it stops GitHub's
#: autolinks (``https://…``, ``www.…``, ``a@b.nl``), which ignore escapes
_JOINER = "\u2060"
_AUTOLINK = re.compile(r"(:(?=//)|www(?=\.)|@)", re.IGNORECASE)


def plain(text: object) -> str:
    """``text`` escaped so markdown shows it literally (visually unchanged)."""
    unlinked = _AUTOLINK.sub(lambda m: m.group(1) + _JOINER, str(text))
    return _PUNCTUATION.sub(r"\\\1", unlinked)


def msg(key: str, **params: object) -> str:
    """A message in the chosen language whose text parameters are shown literally
    (for st.success, st.caption, st.error and other markdown elements)."""
    return tr(
        key, **{k: plain(v) if isinstance(v, str) else v for k, v in params.items()}
    )
