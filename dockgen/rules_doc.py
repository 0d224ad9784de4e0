"""The rule reference page (``docs/rules.md``), written from the rule data so it cannot drift from it."""

from __future__ import annotations

from dockgen.rules import Rule, all_rules, rule_docs

_SECTIONS = (("DG0", "Parsing"), ("DG1", "Base images"), ("DG2", "pip and Python"), ("DG3", "conda, mamba, micromamba"),
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
