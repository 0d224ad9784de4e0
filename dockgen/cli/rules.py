"""``dockgen rules`` and ``dockgen rule CODE``: the rule data, for people and for tools."""

from __future__ import annotations

import json

import click

from dockgen.errors import DockgenError
from dockgen.lint.rules import all_rules, resolve_code


@click.command("rules")
@click.option("-f", "--format", "output_format", type=click.Choice(["text", "json", "markdown"]), default="text",
              show_default=True, help="markdown writes the reference page (docs/rules.md).")
def rules_command(output_format: str) -> int:
    """List every rule: code, name, level, whether it is on by default and can be fixed."""
    rules = all_rules().values()
    if output_format == "markdown":
        from dockgen.lint.rules_doc import markdown

        click.echo(markdown(), nl=False)
        return 0
    if output_format == "json":
        click.echo(json.dumps([{"code": r.code, "name": r.name, "level": r.level.label, "default": r.default,
                                "fix": r.fix, "fix_safety": r.fix_safety, "summary": r.summary,
                                "hadolint": list(r.hadolint),
                                "aliases": list(r.aliases)} for r in rules], indent=2))
        return 0
    for rule in rules:
        flags = ("" if rule.default else " off") + (f" fix:{rule.fix_safety}" if rule.fix != "none" else "")
        click.echo(f"{rule.code:7} {rule.name:34} {rule.level.label:8}{flags:9} {rule.summary}")
    return 0


@click.command("rule")
@click.argument("code")
def rule_command(code: str) -> int:
    """Explain one rule (by code, name or alias): why it matters, examples, how hadolint differs."""
    resolved = resolve_code(code)
    if resolved is None:
        from dockgen.lint.codes import Kind, classify, note, suggest

        kind = classify(code)
        if kind in (Kind.RETIRED, Kind.PARSE_ERROR):  # hadolint's old codes: say what they were
            click.echo(note(code, kind)[1])
            return 0
        raise DockgenError(f"unknown rule {code!r}{suggest(code, list(all_rules()))}")
    from dockgen.lint.rules_doc import rule_docs

    rule, docs = all_rules()[resolved], rule_docs(resolved)
    state = "on by default" if rule.default else "off by default (select it by its code)"
    fix = rule.fix if rule.fix == "none" else f"{rule.fix}, {rule.fix_safety}"
    click.echo(f"{rule.code} {rule.name} ({rule.level.label}, {state}, fix: {fix})\n")
    click.echo(f"{rule.summary}.\n\n{docs.rationale}\n")
    if docs.differs_from_hadolint:
        click.echo("Differs from hadolint:")
        for difference in docs.differs_from_hadolint:
            click.echo(f"- {difference}")
        click.echo("")
    for example in docs.examples:
        title = f" ({example.title})" if example.title else ""
        click.echo(f"{'Bad' if example.kind == 'bad' else 'Good'}{title}:")
        click.echo("".join(f"    {line}\n" for line in example.dockerfile.strip("\n").splitlines()))
        if example.fixed and example.fixed != example.dockerfile:
            click.echo("  fixed:")
            click.echo("".join(f"    {line}\n" for line in example.fixed.strip("\n").splitlines()))
    return 0
