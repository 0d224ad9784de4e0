"""``dockgen new``: the catalog, a request resolved into a recipe, the installs it renders, the dates it supports,
lock files, and the Jinja2 rendering (``generate``), whose output is linted before it is returned."""
