"""What people read about a rule (and what the tests run): its rationale and examples, and the rule reference page
(``docs/rules.md``) written from them so it cannot drift from the data. Linting never imports this module."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from dockgen._resources import data_dir
from dockgen.errors import DockgenError
from dockgen.lint.rules import Rule, all_rules


@dataclass(frozen=True, slots=True)
class Example:
    kind: str  # "bad" or "good"
    dockerfile: str
    lines: tuple[int, ...] = ()
    title: str = ""
    config: dict[str, object] | None = None
    files: dict[str, str] | None = None  # other files in the Dockerfile's folder (.dockerignore)
    fixed: str | None = None  # the text after --fix --unsafe-fixes (equal to dockerfile: no fix offered)


@dataclass(frozen=True, slots=True)
class RuleDocs:
    """What people read about a rule (and what the tests run): the rest of its data file."""

    rationale: str
    differs_from_hadolint: tuple[str, ...]
    examples: tuple[Example, ...]
    deviation_kinds: frozenset[str] = frozenset()  # the machine-checkable kinds of those differences


# Kinds a ``differs-from-hadolint`` entry may name (``{ kind = "...", text = "..." }``) so that bench/parity.py can
# tell per finding whether a disagreement is one the rule lists: the bench defines what each means.
DEVIATION_KINDS = frozenset({"wrapped-command", "windows-script", "localhost-registry", "shell-read-given-up"})


@functools.cache
def rule_docs(code: str) -> RuleDocs:
    path = data_dir("rules") / f"{code}.toml"
    data = _parse(path.read_text(encoding="utf-8"), path)
    try:
        examples = tuple(
            Example(kind=str(e["kind"]), dockerfile=str(e["dockerfile"]), lines=tuple(e.get("lines", ())),
                    title=str(e.get("title", "")), config=e.get("config"), files=e.get("files"),
                    fixed=e.get("fixed"))
            for e in data.get("examples", ())
        )
        differences = [_difference(entry) for entry in data.get("differs-from-hadolint", ())]
        return RuleDocs(rationale=str(data.get("rationale", "")).strip(),
                        differs_from_hadolint=tuple(text for text, _ in differences), examples=examples,
                        deviation_kinds=frozenset(kind for _, kind in differences if kind))
    except (KeyError, TypeError, ValueError) as error:
        raise DockgenError(f"{path}: broken rule data: {error}") from error


def _difference(entry: object) -> tuple[str, str]:
    """A ``differs-from-hadolint`` entry: a sentence, or a table of a sentence and its kind."""
    if isinstance(entry, str):
        return entry, ""
    if not isinstance(entry, dict) or set(entry) != {"kind", "text"} or entry["kind"] not in DEVIATION_KINDS:
        raise ValueError(f"differs-from-hadolint entry {entry!r}: a string or {{ kind, text }}, kind one of "
                         f"{sorted(DEVIATION_KINDS)}")
    return str(entry["text"]), str(entry["kind"])


def _parse(text: str, path: Path) -> dict[str, Any]:
    import tomllib

    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise DockgenError(f"{path}: broken rule data: {error}") from error


_SECTIONS = (("DG0", "Parsing and suppressions"), ("DG1", "Base images"), ("DG2", "pip and Python"), ("DG3", "conda, mamba, micromamba"),
             ("DG4", "BuildKit build checks"), ("DG5", "Security and hygiene"), ("DL", "hadolint's rules"))


def markdown() -> str:
    rules = list(all_rules().values())
    out = ["# dockgen rules", "",
           "Generated from `rules/*.toml` by `dockgen rules --format markdown`; do not edit by hand.", "",
           f"{len(rules)} rules. Codes, names and BuildKit check names all work in `--select`, `--ignore`, "
           "configuration and `# dockgen ignore=` comments.", ""]
    for prefix, title in _SECTIONS:
        section = [rule for rule in rules if rule.code.startswith(prefix)]
        if not section:
            continue
        out += [f"## {title}", "", "| code | name | level | default | fix | summary |", "|---|---|---|---|---|---|"]
        out += [f"| [{r.code}](#{r.code.lower()}) | `{r.name}` | {r.level.label} | {'on' if r.default else 'off'} "
                f"| {_fix(r)} | {r.summary.replace('|', '&#124;')} |" for r in section]
        out.append("")
        for rule in section:
            out += _rule(rule)
    return "\n".join(out).rstrip() + "\n"


def _fix(rule: Rule) -> str:
    return "none" if rule.fix == "none" else f"{rule.fix} ({rule.fix_safety})"


def _rule(rule: Rule) -> list[str]:
    docs = rule_docs(rule.code)
    lines = [f'<a id="{rule.code.lower()}"></a>', f"### {rule.code} `{rule.name}`", ""]
    aliases = f" Also known as {', '.join(f'`{a}`' for a in rule.aliases)}." if rule.aliases else ""
    state = "on by default" if rule.default else "off by default"
    lines += [f"**{rule.summary}.** Level {rule.level.label}, {state}, fix: {_fix(rule)}.{aliases}", "",
              " ".join(docs.rationale.split()), ""]
    if docs.differs_from_hadolint:
        lines += ["Differs from hadolint:", ""] + [f"- {d}" for d in docs.differs_from_hadolint] + [""]
    for example in docs.examples[:2] + tuple(e for e in docs.examples[2:] if e.kind != docs.examples[0].kind)[:1]:
        title = f" ({example.title})" if example.title else ""
        lines += [f"{'Bad' if example.kind == 'bad' else 'Good'}{title}:", "", "```dockerfile",
                  example.dockerfile.strip("\n"), "```", ""]
    fixed = next((e for e in docs.examples if e.fixed and e.fixed != e.dockerfile), None)
    if fixed is not None and fixed.fixed is not None:
        lines += ["Fixed (`--fix`" + (")" if rule.fix_safety == "safe" else " `--unsafe-fixes`)") + ":", "",
                  "```dockerfile", fixed.fixed.strip("\n"), "```", ""]
    return lines


def readme_tables() -> str:
    """The README's rule overview: rules per category, then every dockgen rule in one line each."""
    rules = list(all_rules().values())
    out = ["| category | rules | on by default | with a fix |", "|---|---|---|---|"]
    for prefix, title in sorted(_SECTIONS):
        section = [rule for rule in rules if rule.code.startswith(prefix)]
        out.append(f"| `{prefix}` {title} | {len(section)} | {sum(r.default for r in section)} "
                   f"| {sum(r.fix != 'none' for r in section)} |")
    out += ["", "| code | name | level | fix | what it finds |", "|---|---|---|---|---|"]
    out += [f"| {r.code} | `{r.name}` | {r.level.label}{'' if r.default else ' (off)'} "
            f"| {r.fix_safety if r.fix != 'none' else ''} | {r.summary.replace('|', '&#124;')} |"
            for r in rules if r.code.startswith("DG")]
    return "\n".join(out) + "\n"
