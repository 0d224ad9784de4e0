"""Which rule codes a user may write: dockgen's rules (by code, name, alias or prefix) and ``ALL``, ShellCheck's
codes, and the codes hadolint once had or uses for parse errors. hadolint accepts any code anywhere; dockgen accepts
every code hadolint has ever had, notes the ones that no longer mean anything, and suggests a spelling for the rest.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Iterable

from dockgen.lint.rules import all_rules, resolve_code

# Codes hadolint had and dropped: naming one (in a config copied from an older project, say) changes nothing.
RETIRED = {
    "DL3005": "apt-get upgrade or dist-upgrade, deleted from hadolint in 2023",
    "DL3017": "apk upgrade, deleted from hadolint in 2021",
    "DL3031": "yum update, deleted from hadolint in 2021",
    "DL3039": "dnf update, deleted from hadolint in 2021",
    "DL4002": "a hadolint 1.x code that 2.x does not have",
}
HADOLINT_PARSE_ERROR = "DL1000"
_SHELLCHECK = re.compile(r"SC\d{4}")


class Kind(enum.Enum):
    RULE = "rule"  # a dockgen rule (code, name or alias), a prefix of codes, or ALL
    SHELLCHECK = "shellcheck"
    RETIRED = "retired"
    PARSE_ERROR = "parse-error"
    UNKNOWN = "unknown"


def classify(selector: str, prefixes: bool = True) -> Kind:
    """What a code means; ``prefixes=False`` where only whole codes and names count (pragmas)."""
    text = selector.strip()
    upper = text.upper()
    if resolve_code(text):
        return Kind.RULE
    if prefixes and (upper == "ALL" or (upper and any(code.startswith(upper) for code in all_rules()))):
        return Kind.RULE
    if _SHELLCHECK.fullmatch(upper) or (prefixes and upper == "SC"):
        return Kind.SHELLCHECK
    if upper in RETIRED:
        return Kind.RETIRED
    if upper == HADOLINT_PARSE_ERROR:
        return Kind.PARSE_ERROR
    return Kind.UNKNOWN


def note(selector: str, kind: Kind) -> tuple[str, str]:
    """The level (``info`` for a code that has no effect, ``warning`` for one nobody knows) and what to tell."""
    code = selector.strip().upper()
    if kind is Kind.RETIRED:
        return "info", f"{code} is a retired hadolint rule ({RETIRED[code]}); it has no effect"
    if kind is Kind.PARSE_ERROR:
        return "info", (f"{code} is hadolint's code for a file it cannot parse, not a rule; dockgen reports those "
                        "as DG001, so it has no effect")
    return "warning", f"unknown rule {selector.strip()!r}{suggest_code(selector.strip())}; left out"


def suggest_code(word: str) -> str:
    return suggest(word, _codes_and_names())


def closest_code(word: str) -> str | None:
    """The rule code or name ``word`` most likely misspells, if any."""
    return closest(word, _codes_and_names())


def _codes_and_names() -> list[str]:
    return [*all_rules(), *(rule.name for rule in all_rules().values())]


def suggest(word: str, choices: Iterable[str]) -> str:
    """`` (did you mean 'X'?)`` for the closest choice, or nothing."""
    found = closest(word, choices)
    return f" (did you mean {found!r}?)" if found else ""


def closest(word: str, choices: Iterable[str]) -> str | None:
    import difflib  # only on the error path

    choices = list(choices)
    # Letters typed for digits in a code (DL30O8, DG1O1) are the commonest typo: fix those before guessing.
    prefix, digits = word[:2].upper(), word[2:].upper().translate(str.maketrans("OIL", "011"))
    if prefix + digits in choices:
        return prefix + digits
    close = difflib.get_close_matches(word, choices, n=1, cutoff=0.6)
    if not close:
        close = difflib.get_close_matches(word.upper(), choices, n=1, cutoff=0.6)
    return close[0] if close else None
