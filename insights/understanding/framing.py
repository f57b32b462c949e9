"""Conversational framing: greetings, politeness and context that cannot change a number.

"Hey! Quick one for the board deck: revenue last month, thanks" asks for revenue
last month. The framing is blanked out before anything else reads the question
(so "deck" or "board" are never taken for member names) and reported in the
understanding's ``ignored``. Requests that are not questions about the data at
all (a poem, a cover letter, a joke, a translation) are told apart here too.
"""
from __future__ import annotations

import re
from collections.abc import Callable

_AUDIENCE = (r"(?:board(?:\s+(?:deck|meeting|pack|update))?|deck|slides?|slide\s+deck|meeting|presentation|report|"
             r"boss|manager|ceo|cfo|coo|cto|cmo|gm|vp|slt|elt|management|mgmt|team|investors?|standup|stand-up|weekly|"
             r"monthly|review|qbr|all[\s-]hands|"
             r"newsletter|email|memo|exec(?:utive)?s?|leadership|client|update|one[\s-]on[\s-]one|1:1|sync|call|"
             r"catch[\s-]?up|huddle|check[\s-]?in|prep|wrap[\s-]?up|recap|round[\s-]?up|debrief|retro|briefing|"
             r"kick[\s-]?off|town[\s-]?hall|scrum)")
# When the meeting is: "monday's", "tmrw's", "next week's", "the q4": it says when people meet, never a period to
# compute for (the question names its own, or takes the default).
_WHEN_MET = (r"(?:the|my|our|this|next|tomorrow'?s|tmrw'?s|tmr'?s|today'?s|tonight'?s|next\s+week'?s|"
             r"(?:mon|tues?|wednes|thurs?|fri|satur|sun)(?:day)?'?s?|q[1-4]|h[12]|year[\s-]?end|month[\s-]?end)")
# When the meeting is ("the sales call in 10 min", "pipeline review tomorrow"): no period to compute for
_MEETING_WHEN = (r"(?:\s+(?:tomorrow|tmrw|tmr|today|tonight|later(?:\s+today)?|this\s+(?:morning|afternoon|evening)|"
                 r"at\s+\d{1,2}(?::\d\d)?\s*(?:am|pm)?|in\s+(?:\d+|a\s+few|an?|half\s+an)\s+(?:mins?|minutes?|hours?|"
                 r"hrs?))(?![\w-]))?")
_FRAMING = re.compile(
    r"^\W*(?:(?:hi|hello|hey|hiya|yo|howdy|morning|afternoon|evening|good\s+(?:morning|afternoon|evening)|"
    r"greetings|dear\s+[a-z]+|ok(?:ay)?\s+so|so|um+|uh+|hmm+|right|alright|sorry|sry|srry|soz|btw|fyi|oops|"
    # a correction's opener: "sorry, meant X", "i meant X" (what X replaces is the follow-up's business)
    r"(?:i\s+)?meant(?:\s+to\s+(?:say|ask|type))?|i\s+mean|"
    r"thanks|thank\s+you|cheers)(?:\s+(?:there|team|salestalk|again|so\s+much|a\s+lot))?\W+|"
    # an exclamation, not the hotel Nice or the product Super: "nice! and last month?", "super. …"
    r"(?:that'?s\s+|very\s+|so\s+)?(?:nice|great|cool|awesome|perfect|brilliant|lovely|super|sweet|wow|amazing|"
    r"excellent|fantastic|neat|interesting|gotcha|got\s+it)(?:\s+(?:one|stuff|work|job|thanks))?\s*[!.]+\W*)+"
    r"|\b(?:quick|simple|easy|small|short|fast)\s+(?:one|question|q)\b(?:\s+for\s+(?:you|the|my|our)\s+"
    + _AUDIENCE + r")?\s*[:,\-]?"
    r"|(?P<meeting>\b(?:(?:prepping|preparing|prepare|prep|getting\s+ready|gearing\s+up)\s+)?"
    r"(?:for|ahead\s+of|before|(?<!['’])re:?|regarding)\s+"  # "re the board pack", never "we're the team"
    r"(?:" + _WHEN_MET + r"\s+){1,2}(?:\w+\s+)?" + _AUDIENCE + r"\b" + _MEETING_WHEN + r"\s*[:,]?)"
    r"|\b(?:(?:can|could|would|will)\s+you\s+(?:please\s+|kindly\s+|quickly\s+)?(?:tell|show|give|let|pull|get|find|"
    r"check|look\s+up)(?:\s+(?:me|us))?(?:\s+know)?|please|pls|plz|kindly|if\s+you\s+(?:can|could|don'?t\s+mind)|"
    r"when\s+you\s+(?:get|have)\s+a\s+(?:sec|second|minute|moment|chance)|real\s+quick|"
    r"i'?d\s+(?:love|like)\s+to\s+(?:know|hear|see|understand|find\s+out)|i\s+(?:want|need|wanted)\s+to\s+"
    r"(?:know|see|understand|find\s+out)|i\s+was\s+wondering|i'?m\s+wondering|wondering|do\s+you\s+know|"
    r"any\s+idea|asking\s+for\s+(?:a|my)\s+\w+|just\s+curious|curious|out\s+of\s+curiosity)\b"
    # where the person is or is going: "before i head home", "back in the office now"
    r"|\b(?:before\s+i\s+(?:head|go|leave|run|log\s+off|hop\s+off)(?:\s+(?:home|out|off))?|"
    r"(?:i'?m\s+)?back\s+(?:in|at)\s+the\s+\w+(?:\s+now)?|i'?m\s+(?:at|in|on)\s+(?:the|my)\s+\w+(?:\s+now)?|"
    r"on\s+my\s+way\s+(?:home|in|out|to\s+\w+)|(?:working\s+)?from\s+home\s+today)\b"
    # asides of candour: "to be frank", "truth be told" (Frank the account manager is not meant)
    r"|\b(?:(?:to\s+be|being)\s+(?:frank|honest|fair|clear|blunt|candid)|truth\s+be\s+told|in\s+all\s+honesty|"
    r"frankly|honestly|tbh|ngl)\b\s*[:,\-]?"
    # well-wishing, not the garden centre Hope: "hope ur well!", "hope you're having a good week"
    r"|\b(?:i\s+)?hope\s+(?:(?:you'?re|ur|you\s+are|u\s+r|u\s+are|all'?s|all\s+is|everything'?s|everything\s+is|"
    r"you'?ve\s+been|you\s+had|you'?re\s+having|ur\s+having|you\s+all\s+are)\s+(?:well|good|ok|okay|great|fine|"
    r"doing\s+(?:well|ok|okay|good|great)|having\s+an?\s+(?:good|great|nice|lovely)\s+\w+|an?\s+(?:good|great|nice|"
    r"lovely)\s+\w+)|this\s+finds\s+you\s+well)\b\s*[!.,:\-]*"
    r"|\W+(?:thanks|thank\s+you|thx|ty|cheers|much\s+appreciated|appreciate\s+it)(?:\s+(?:so\s+much|a\s+lot|"
    r"again|in\s+advance))?\W*$")
# Not a question about the data, even when it mentions sales: write / compose something, translate, a joke.
# A text for people to read is asked for however it is phrased: the verb, maybe who it is for ("the team a"),
# maybe an article and a few words, then the kind of text ("a slack msg", "my boss an email", "a quick dm").
_WRITE = (r"(?:write|draft|compose|pen|craft|create|generate|put\s+together|whip\s+up|type\s+up|knock\s+up|"
          r"come\s+up\s+with)")
_SEND = r"(?:make|give|send|shoot|need|want)"
_FOR_WHOM = r"(?:(?:me|us|him|her|them)\s+|(?:the|my|our)\s+[\w-]+\s+(?=(?:a|an|some)\s))?"
# Filler before the kind of text is a word or two of description ("a short upbeat"), never "of", "by", "for"…
_FILLER = r"(?:(?!(?:of|by|for|in|on|per|from|with|about|to|and|or|vs)\s)[\w#'-]+\s+)"
# The kind of text ends its phrase: "a card to the team", "a post hyping our q3", never "card revenue" (a dataset's
# own word).
# ("a note showing revenue by channel" shows figures: a question)
_HEAD_END = (r"(?=\s*$|\s*[,.!?:;]|\s+(?:to|for|about|on|saying|that|which|re|regarding|with|from|in|of|and|"
             r"(?!(?:showing|listing|comparing|breaking|splitting|including|excluding|covering|detailing|giving|"
             r"containing)\b)[a-z]{2,}ing)\b)")
_TEXTS = (r"(?:poems?|haiku|limerick|songs?|rap|story|essay|cover\s+letter|letters?|e-?mails?|mail|tweets?|thread|"
          r"(?:linkedin\s+|slack\s+|blog\s+|social(?:\s+media)?\s+|instagram\s+|facebook\s+)?posts?|"
          r"(?:slack\s+|teams\s+|whatsapp\s+)?(?:messages?|msgs?)|dms?|texts?|txts?|sms|notes?|cards?|blurb|blog|"
          r"speech|toast|jokes?|slogan|tagline|code|script|sql|resume|cv|caption|announcement|press\s+release|"
          r"shout[\s-]?outs?|job\s+(?:ad|description|application)|invit(?:e|ation)s?|reply|response|slack|"
          r"thank[\s-]?you(?:\s+note)?|pep\s+talk|bio|pitch|memo|newsletter|headline|ad|advert|flyer|poster|"
          r"jingle|rhyme|verse|sonnet|ode|anthem|chant|cheer|eulogy|agenda|talking\s+points|rosters?|rotas?|"
          r"schedules?|timetables?|shift\s+plans?|proposals?)")
# Texts only a verb of writing asks for: "write an update on q3" is a text, "give me an update on q3" the numbers.
_WRITTEN = r"(?:updates?|blurbs?|copy|summary\s+(?:email|post|message|note))"
# Making the numbers sound good is no question about them: "hype up our q3", "spin these numbers for the board".
_SPIN = (r"\bhyp(?:e|es|ed|ing)\s+up\b|\bhyping\b|\bhype\s+(?:our|the|this|that|these|those|it|them|us)\b"
         r"|(?:^|[,.!?:;]\s*)\W*(?:(?:can|could)\s+you\s+|pls\s+|please\s+)?spin\s+(?:our|the|this|that|these|those|it|"
         r"them)\b|\bput\s+an?\s+(?:\w+\s+)?spin\s+on\b"
         r"|\bmake\s+(?:it|this|that|these|those|them|us|our\s+[\w\s]{1,30}?)\s+(?:sound|look)\s+(?:good|great|"
         r"better|amazing|impressive|awesome|strong)\b")
_NOT_A_QUESTION = re.compile(
    rf"\b(?:{_WRITE}\s+{_FOR_WHOM}(?:(?:a|an|some|my|the|our|this)\s+)?{_FILLER}{{0,3}}|"
    rf"{_SEND}\s+{_FOR_WHOM}(?:a|an|some|my|the)\s+{_FILLER}?){_TEXTS}{_HEAD_END}"
    rf"|\b{_WRITE}\s+(?:up\s+)?{_FOR_WHOM}(?:a|an|some|my|the|our|this)\s+{_FILLER}{{0,3}}{_WRITTEN}{_HEAD_END}"
    rf"|{_SPIN}"
    rf"|\b(?:write|draft|compose|pen|craft)\s+(?:me\s+|us\s+)?something\b"
    # the answer before made into a text: "turn that into an email to the team", "put this in a slack msg"
    # ("change that to notes" switches to a member called Notes: only the verbs of making a text)
    rf"|\b(?:turn|make|convert|put|rewrite|reword|rephrase|format|reformat|write|wrap|package)\s+"
    rf"(?:that|this|it|these|those|them|the\s+(?:answer|numbers|figures|results?|above))\s+(?:up\s+)?"
    rf"(?:into|in|as)\s+(?:(?:a|an|some|my|the|our)\s+)?{_FILLER}{{0,3}}{_TEXTS}{_HEAD_END}"
    # sending it on: "email that to my boss", "slack this to the team"
    r"|\b(?:e-?mail|slack|send|forward|text|post|dm)\s+(?:that|this|it|these|those|them)\s+(?:over\s+)?"
    r"(?:to|with)\s+(?!me\b|us\b|myself\b)\w"
    # a text for someone else to read, not a question: "write up a summary for the team", "draft a recap to my boss"
    r"|\b(?:write|draft|compose)\s+(?:up\s+)?(?:me\s+|us\s+)?(?:a|an|some|my|the)\s+(?:[\w#-]+\s+){0,2}"
    r"(?:summary|recap|update|report|memo|note|newsletter)\b(?=.*\b(?:for|to)\s+(?!me\b|us\b|myself\b)\w)"
    r"|\b(?:translate|translation|tell\s+(?:me\s+)?(?:a\s+)?joke|jokes?|weather|horoscope|sing\s+(?:me\s+)?a)\b"
    r"|^\W*(?:who|what)\s+(?:are|is)\s+you\b")


# A meeting, a deck or a team named by what it is about ("the sales kickoff", "our revenue review", "the board
# deck"): whom the answer is for, never a figure to compute. Said alone, a few are meetings whatever precedes them.
_MEETINGS = (r"kick[\s-]?off|deck|slides?|meeting|call|sync|stand[\s-]?up|huddle|off[\s-]?site|all[\s-]hands|"
             r"town[\s-]?hall|review|team|presentation|pack|one[\s-]on[\s-]one|1:1|catch[\s-]?up|check[\s-]?in|retro|"
             r"summit|offsite|qbr")
# Said first and set off by a colon, comma or dash, the meeting needs no article: "for mgmt mtg: …", "fyi for exec
# sync - …", "re board pack, …"
_SET_OFF_MEETING = re.compile(r"^\W*(?:(?:fyi|btw|psa)\W+)?(?P<meeting>(?:for|re:?|regarding)\s+(?:[\w'-]+\s+)?"
                              + _AUDIENCE + r")\b" + _MEETING_WHEN + r"(?=\s*(?::|,|\s[-–]))")
_ABOUT_A_MEETING = re.compile(rf"(?<![\w-])(?P<about>[a-z][\w-]*)\s+(?P<noun>{_MEETINGS})(?![\w-]){_MEETING_WHEN}")
_MEETING_ALONE = re.compile(r"(?<![\w-])(?P<noun>qbr|all[\s-]hands|kick[\s-]?off|off[\s-]?site|town[\s-]?hall)"
                            rf"(?![\w-]){_MEETING_WHEN}")
# "revenue by sales team", "sales team revenue", "sales meeting count": rows, a figure or a count of the meeting
# asked for, no framing
_SPLIT_BEFORE = re.compile(r"\b(?:by|per|each|every|across|which|what|between|among)\s+(?:the\s+|our\s+|all\s+)?$")
_COUNTED_AFTER = re.compile(r"\s+(?:count|counts|number|numbers\s+of|total|totals|volume|rate|attendance|length|"
                            r"duration|size)\b")
_NEXT_WORD = re.compile(r"\s+([a-z][\w-]*)")
# Who meets, where no figure is named: "the board deck", "the exec sync", "the weekly review"
_WHO_MEETS = frozenset({"board", "exec", "execs", "executive", "leadership", "investor", "investors", "management",
                        "finance", "ops", "marketing", "company", "weekly", "monthly", "quarterly", "annual"})

# A headline said before a colon at the start ("good news: revenue up?", "heads up: …", "quick q - …"): how the
# asker frames the question, unless the tenant's data has a member of that very name ("Update: revenue in june").
# Chat's count of questions ("sry one more:", "last one -", "2 quick ones,") is one too, an apology before it or not.
# The kind of question said ("direct question -", "honest answer:") is too, even where the adjective is a member's
# name (the channel Direct): it qualifies the question, never the figure.
_KIND_OF_QUESTION = (r"(?:quick|random|dumb|silly|odd|direct|straight|honest|serious|simple|basic|easy|hard|tough|"
                     r"tricky|weird|stupid|general|specific|different|separate|related|unrelated|new|fair|real|big|"
                     r"small|short|broad|high[\s-]level)")
_HEADLINE = re.compile(
    r"^\W*(?:(?:sorry|sry|srry|soz|oops|ok(?:ay)?|and|also|right|alright)\W+)?"
    r"(?P<head>(?:(?:good|bad|great|big|some|sad|happy|exciting|breaking|mixed|interesting)\s+)?news|"
    r"heads[\s-]?up|fyi|psa|(?:quick\s+|small\s+)?update|(?:" + _KIND_OF_QUESTION + r"\s+)?(?:question|q)|"
    + _KIND_OF_QUESTION + r"\s+(?:answer|ask|one)|context|background|(?:side\s+|quick\s+)?note|reminder|"
    r"random\s+one|fun\s+fact|odd\s+one|weird\s+one|follow[\s-]?up|real\s+talk|confession|sanity\s+check|gut\s+check|"
    r"(?:one|1)\s+more(?:\s+(?:quick|small))?(?:\s+(?:one|q|qn|question|thing))?|"
    r"(?:last|another|final)(?:\s+(?:quick|small))?\s+(?:one|q|qn|question|thing)|"
    r"(?:\d|two|three|a\s+couple(?:\s+of)?|couple(?:\s+of)?|a\s+few|few)\s+(?:more\s+)?(?:quick\s+|small\s+)?"
    r"(?:ones|qs|qns|questions|things))"
    r"\s*(?::|,|\s-+|\s–)\s*")

# "also - what were signups in oct?", "thanks! also, how many …": "also" set off before a question of its own adds
# nothing of the last one to it; a bare "also in emea?" still leans on the last answer
_ALSO_SET_OFF = re.compile(r"\W*(?:ok(?:ay)?\W+)?also(?:\s*(?:[-–—:,;]+|\.{2,})\s*(?=\S)|\s+(?=(?:what|how|which|who|"
                           r"show|give|tell|can|could|pls|please)\b))")

# Giving up on what was asked before ("ok fine, how did hope do", "fair enough - …", "never mind, …"): said first and
# set off, it leans on no answer, so a question after it stands alone (a bare "ok, …" may still lean on one).
_CONCESSION = re.compile(r"^\W*(?:(?:ok(?:ay)?|alright|all\s+right|oh|ah)[\s,]+(?:fine|whatever|well)|fine|"
                         r"fair\s+enough|whatever|oh\s+well|never\s*mind|nvm|forget\s+(?:it|that)|no\s+worries)"
                         r"\s*(?:[,.!;:–—]+|\s-+)\s*")

# How the answer may be given ("feel free to round", "ballpark is fine", "rough number ok", "no need to be
# exact"): it changes no figure, and "free" of "feel free" is never the plan Free. ``word`` is the word a tenant's
# member could be named ("Ballpark" the venue), which keeps the phrase a question's words.
_ANSWER_FORM = re.compile(
    r"\b(?:(?:(?:feel\s+free|(?:it'?s\s+)?(?:ok(?:ay)?|fine))\s+to|you\s+(?:can|may|could))\s+(?P<word>round)\b"
    r"(?:\s+(?:it|them|that|things|the\s+(?:numbers?|figures?|totals?)))?(?:\s+(?:up|down|off))?"
    r"(?:\s+to\s+the\s+nearest\s+[\w$£€]+)?"
    r"|(?:(?:just\s+)?(?:a\s+)?(?P<rough>round(?:ed|ing)?|ballpark|rough(?:ly)?|approx(?:imate(?:ly)?)?|"
    r"estimated?)(?:\s+(?:numbers?|figures?|estimates?|idea|counts?|totals?|guess|answer))?|an?\s+estimate)"
    r"(?:\s+to\s+the\s+nearest\s+[\w$£€]+)?"
    r"\s+(?:is\s+|are\s+|'?s\s+|works\s+|will\s+do\s+|would\s+do\s+)?(?:fine|ok(?:ay)?|good|great|enough)\b"
    r"|(?:just\s+)?(?:a\s+)?(?P<ballpark>ballpark)(?:\s+(?:figure|number|estimate))?(?:\s+(?:please|pls))?"
    r"(?=\s*(?:[,.;:!?–-]|$))"
    r"|\b(?:there'?s\s+)?no\s+need\s+(?:to\s+be|for\s+it\s+to\s+be|for)\s+(?:super\s+|too\s+|very\s+)?"
    r"(?:exact|precise|accurate|exactness|precision|decimals?)\b"
    r"|\b(?:it\s+)?(?:doesn'?t|does\s+not|don'?t|do\s+not|needn'?t|need\s+not)\s+(?:need\s+to\s+|have\s+to\s+)?"
    r"be\s+(?:super\s+|too\s+|very\s+)?(?:exact|precise|accurate|perfect|spot\s+on)\b"
    r"|\bnot\s+(?:looking\s+for|after|needing)\s+(?:anything\s+)?(?:exact|precise)(?:\s+(?:numbers?|figures?))?\b"
    r"|\bgive\s+or\s+take\b)\s*[,;:–-]*")


def framing_spans(low: str, *, figure_word: Callable[[str], bool] = lambda _: False,
                  tenant_word: Callable[[str], bool] = lambda _: False) -> list[tuple[int, int]]:
    """The spans of ``low`` (the lower-cased question) that are framing. ``figure_word``: whether a word names a
    figure (the tenant's or the catalogue's, "sales" of revenue), said before a meeting's noun the meeting's
    subject ("the sales kickoff"); ``tenant_word``: whether a word names the tenant's data, never framing."""
    # "for the support team" where Support is a team of the data's: the member, not whom the answer is for
    spans = [m.span() for m in _FRAMING.finditer(low) if m.group(0).strip(" \t,.:;!?-")
             and not (m["meeting"] and any(tenant_word(w) for w in re.findall(r"[a-z]+", m["meeting"])))]
    set_off = _SET_OFF_MEETING.match(low)
    if set_off and not any(tenant_word(w) for w in re.findall(r"[a-z]+", set_off["meeting"])):
        spans.append(set_off.span())
    also = _ALSO_SET_OFF.match(low, max((b for a, b in spans if a == 0), default=0))
    if also:
        spans.append(also.span())
    if concession := _CONCESSION.match(low):
        spans.append(concession.span())
    spans += [m.span() for m in _ANSWER_FORM.finditer(low)
              if not tenant_word(m["word"] or m["rough"] or m["ballpark"] or "")]
    headline = _HEADLINE.match(low)
    if headline and not tenant_word(headline["head"]):
        spans.append(headline.span())
    # "the ops team" where Ops is a department of the data's: that member, not whom the answer is for
    meetings = [m for m in _ABOUT_A_MEETING.finditer(low) if (m["about"] in _WHO_MEETS or figure_word(m["about"]))
                and not tenant_word(m["about"])
                and not _SPLIT_BEFORE.search(low, 0, m.start()) and not _COUNTED_AFTER.match(low, m.end())
                and not ((after := _NEXT_WORD.match(low, m.end())) and figure_word(after.group(1)))]
    for m in (*meetings, *_MEETING_ALONE.finditer(low)):
        a, b = m.span()
        if not any(tenant_word(w) for w in re.findall(r"[a-z]+", m["noun"])) and not any(
                a < d and c < b for c, d in spans):
            spans.append((a, b))
    return sorted(set(spans))


def not_a_data_question(low: str) -> bool:
    return bool(_NOT_A_QUESTION.search(low))
