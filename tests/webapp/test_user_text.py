"""What people type (questions, conversation titles) is shown as typed: markdown in it is never rendered."""
from __future__ import annotations

import re

from tests.webapp.test_streamlit_app import app, sign_in  # noqa: F401 -- the app fixture

HOSTILE = "![pixel](http://evil.example/track.png) **loud** <img src=x> $x^2$ [link](http://evil.example)"


def test_a_question_full_of_markdown_is_shown_literally(app, fake):  # noqa: F811
    sign_in(app)
    app.chat_input[0].set_value(HOSTILE).run()
    assert not app.exception
    assert fake.asked() == [HOSTILE]
    shown = [m.value for m in app.markdown] + [t.value for t in app.title] + [b.label for b in app.button]
    escaped = [value for value in shown if "pixel" in value]
    assert len(escaped) >= 2  # the message and the title at least
    for value in escaped:
        # Every punctuation character arrives escaped, so markdown sees none of them.
        assert not re.search(r"[!-/:-@\[-`{-~]", re.sub(r"\\.", "", value)), value
        assert re.sub(r"\\(.)", r"\1", value) == HOSTILE
