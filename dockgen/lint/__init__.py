"""The lint core: Dockerfile text to a model (``source``, ``parse``, ``shell``, ``words``), rules and their data
(``rules``, ``lint_data``, ``codes``), the engine that runs the checks with configuration and suppressions, and
fixes (``fixer``, ``edits``). Imports only the standard library and dockgen's own lint modules: no Jinja2, no click."""
