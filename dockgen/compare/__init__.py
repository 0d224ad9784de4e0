"""``dockgen new PKG... --compare``: the pip and the conda variants side by side, with estimated sizes.

Network only here, and only when the user asks for ``--compare``: PyPI's JSON API and wheel files (a ranged read
of each wheel's zip directory gives its unpacked size), pip's resolver report for the dependencies, conda-forge's
repodata for the conda side. Everything fetched is cached; ``--offline`` reads only the cache. ``lint`` never
imports this package.
"""
