"""Time expressions → ``xsd:date`` values, resolved against the article's date.

Only what can be resolved with certainty becomes a date; anything else stays text.
"""

from __future__ import annotations

import datetime as dt
import re

from dateutil import parser as dateparser

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")

# Offsets in days for expressions relative to the day being narrated.
_RELATIVE = {
    r"(today|tonight|this morning|this afternoon|this evening)": 0,
    r"(earlier|later) (in|that) (the )?day|the same day|that day": 0,
    r"yesterday|last night": -1,
    r"tomorrow": 1,
    r"(a|one|the) day (earlier|before)|the (previous|prior) day|the day before": -1,
    r"(a|one|the) day later|the (next|following) day|the day after": 1,
    r"(two|2) days (earlier|before|ago)": -2,
    r"(two|2) days later": 2,
}

_MONTH = (
    r"(jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|june?|july?|aug(ust)?|"
    r"sep(t|tember)?|oct(ober)?|nov(ember)?|dec(ember)?)\.?"
)
_DAY_MONTH = re.compile(rf"^(\d{{1,2}} {_MONTH}|{_MONTH} \d{{1,2}}(st|nd|rd|th)?)(,? \d{{4}})?$")
_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _clean(expression: str) -> str:
    text = expression.lower().strip().strip(".,")
    text = re.sub(r"^(on|since|by|until|last|this|early|late)\s+", "", text)
    return re.sub(r"\s+", " ", text)


def shift(day: dt.date, days: int) -> dt.date | None:
    """``day`` moved by ``days``, or ``None`` past the calendar's ends (years 1 to 9999).

    >>> shift(dt.date(2017, 4, 12), -1)
    datetime.date(2017, 4, 11)
    >>> shift(dt.date(1, 1, 1), -1) is None, shift(dt.date(9999, 12, 31), 1) is None
    (True, True)
    """
    try:
        return day + dt.timedelta(days=days)
    except OverflowError:
        return None


def weekday_on_or_before(name: str, reference: dt.date) -> dt.date | None:
    """The most recent ``name`` day on or before ``reference`` (``None`` before 0001-01-01).

    >>> weekday_on_or_before("Wednesday", dt.date(2017, 4, 12))
    datetime.date(2017, 4, 12)
    >>> weekday_on_or_before("friday", dt.date(2017, 4, 12))
    datetime.date(2017, 4, 7)
    >>> weekday_on_or_before("sunday", dt.date(1, 1, 1)) is None
    True
    """
    target = WEEKDAYS.index(name.lower())
    return shift(reference, -((reference.weekday() - target) % 7))


def weekday_on_or_after(name: str, reference: dt.date) -> dt.date | None:
    """The first ``name`` day on or after ``reference`` (``None`` past 9999-12-31).

    >>> weekday_on_or_after("Sunday", dt.date(2017, 4, 12))
    datetime.date(2017, 4, 16)
    >>> weekday_on_or_after("wednesday", dt.date(2017, 4, 12))
    datetime.date(2017, 4, 12)
    >>> weekday_on_or_after("saturday", dt.date(9999, 12, 31)) is None
    True
    """
    target = WEEKDAYS.index(name.lower())
    return shift(reference, (target - reference.weekday()) % 7)


def resolve(
    expression: str,
    published: dt.date | None,
    anchor: dt.date | None = None,
    future: bool = False,
) -> dt.date | None:
    """Resolve a time expression to a date, or ``None`` when it cannot be pinned down.

    Args:
        expression: The words as written ("Wednesday", "a day earlier", "April 4").
        published: The article's publication date; weekdays and month-days resolve
            against it.
        anchor: The day being narrated, for relative expressions ("a day earlier");
            defaults to ``published``.
        future: Whether the expression is in a clause about the future ("will
            travel on Sunday"): a weekday is then the first one on or after
            ``published``, otherwise the last one on or before it.

    >>> d = dt.date(2017, 4, 12)
    >>> resolve("Wednesday", d), resolve("on Friday", d)
    (datetime.date(2017, 4, 12), datetime.date(2017, 4, 7))
    >>> resolve("a day earlier", d)
    datetime.date(2017, 4, 11)
    >>> resolve("April 4", d)
    datetime.date(2017, 4, 4)
    >>> resolve("April 4", None) is None
    True
    >>> resolve("the last three or four days", d) is None
    True
    >>> resolve("yesterday", dt.date(1, 1, 1)), resolve("tomorrow", dt.date(9999, 12, 31))
    (None, None)
    >>> resolve("on Sunday", d, future=True), resolve("on Sunday", d)
    (datetime.date(2017, 4, 16), datetime.date(2017, 4, 9))
    """
    text = _clean(expression)
    anchor = anchor or published
    if _ISO.match(text):
        try:
            return dt.date.fromisoformat(text)
        except ValueError:
            return None
    if published is None:
        return None
    if text in WEEKDAYS:
        if future:
            return weekday_on_or_after(text, published)
        return weekday_on_or_before(text, published)
    for pattern, offset in _RELATIVE.items():
        if anchor is not None and re.fullmatch(pattern, text):
            return shift(anchor, offset)
    if _DAY_MONTH.match(text):
        try:
            default = dt.datetime(published.year, 1, 1)
            value = dateparser.parse(text, default=default).date()
        except (ValueError, OverflowError):
            return None
        # "December 30" in a January article is last year.
        week_after = shift(published, 7)
        if week_after and value > week_after and not re.search(r"\d{4}", text):
            if value.year == 1:
                return None
            try:
                value = value.replace(year=value.year - 1)
            except ValueError:  # 29 February in a year without one
                return None
        return value
    return None


def is_relative(expression: str) -> bool:
    """Whether an expression is relative to the narrated day ("a day earlier").

    >>> is_relative("a day earlier"), is_relative("Wednesday")
    (True, False)
    """
    text = _clean(expression)
    return any(re.fullmatch(pattern, text) for pattern in _RELATIVE)


def is_time_point(expression: str) -> bool:
    """Whether an expression names a day (not a duration such as "two hours").

    >>> is_time_point("April 4"), is_time_point("a day earlier"), is_time_point("two years")
    (True, True, False)
    """
    text = _clean(expression)
    return bool(text in WEEKDAYS or _DAY_MONTH.match(text) or _ISO.match(text)) or is_relative(text)
