"""JUnit XML: one test case per file, failing with its findings."""

from __future__ import annotations

from collections.abc import Sequence
from xml.sax.saxutils import escape, quoteattr

from dockgen.api import FileResult


def render(results: Sequence[FileResult], colour: bool) -> str:
    failed = sum(1 for r in results if r.findings or r.error)
    lines = ['<?xml version="1.0" encoding="UTF-8"?>',
             f'<testsuites name="dockgen" tests="{len(results)}" failures="{failed}">',
             f'  <testsuite name="dockgen lint" tests="{len(results)}" failures="{failed}" errors="0">']
    for result in results:
        lines.append(f"    <testcase classname=\"dockgen\" name={quoteattr(result.path)}>")
        if result.findings or result.error:
            summary = f"{len(result.findings)} finding(s)" if not result.error else result.error
            body = "\n".join(f"{result.path}:{f.line}:{f.column}: {f.code} [{f.level.label}] {f.message}"
                             for f in result.findings)
            lines.append(f"      <failure message={quoteattr(summary)} type=\"dockgen\">{escape(body)}</failure>")
        lines.append("    </testcase>")
    lines.append("  </testsuite>")
    lines.append("</testsuites>")
    return "\n".join(lines) + "\n"
