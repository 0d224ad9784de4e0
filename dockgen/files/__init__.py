"""Files the command line reads and writes: which files are Dockerfiles (``discovery``), the generator's user inputs
(``inputs``: ``requirements.txt``, ``environment.yml``) and writing through paths (``writing``)."""
