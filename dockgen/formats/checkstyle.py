"""Checkstyle XML, as Jenkins' warnings plugin and many CI dashboards read it."""

from __future__ import annotations

from collections.abc import Sequence
from xml.sax.saxutils import quoteattr

from dockgen.api import FileResult
from dockgen.lint.findings import Severity

_SEVERITIES = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "info",
               Severity.STYLE: "info"}


def render(results: Sequence[FileResult], colour: bool) -> str:
    lines = ['<?xml version="1.0" encoding="UTF-8"?>', '<checkstyle version="4.3">']
    for result in results:
        lines.append(f"  <file name={quoteattr(result.path)}>")
        for f in result.findings:
            lines.append(f"    <error line=\"{f.line}\" column=\"{f.column}\" severity=\"{_SEVERITIES[f.level]}\" "
                         f"message={quoteattr(f.message)} source={quoteattr('dockgen.' + f.code)}/>")
        if result.error:
            lines.append(f"    <error line=\"1\" column=\"1\" severity=\"error\" message={quoteattr(result.error)} "
                         f"source=\"dockgen.io\"/>")
        lines.append("  </file>")
    lines.append("</checkstyle>")
    return "\n".join(lines) + "\n"
