"""Dockerfiles for the differential tests against hadolint, generated from a fixed seed.

Each rule gets its own family of inputs: the commands and instructions that trigger or almost trigger it, placed
in contexts that change the outcome (ONBUILD, multi-stage, stages used as a base or only copied from, pragmas,
comments, continuations). Inputs avoid the documented deliberate differences (sudo/env/path-qualified commands,
``localhost:port`` images, identical FROM lines), which have their own tests.
"""

from __future__ import annotations

import os
import random
from collections.abc import Callable

# 90 per family gives about 5,300 generated Dockerfiles per CI run; DOCKGEN_DIFF_PER_RULE asks for a longer run.
PER_RULE = int(os.environ.get("DOCKGEN_DIFF_PER_RULE", "90"))
SEED = int(os.environ.get("DOCKGEN_DIFF_SEED", "20261125"))

APT_YES = ["-y", "--yes", "--assume-yes", "-qq", "-q -q", "--quiet --quiet", "-q=2", "-qqq", "-q", "", "--qq"]
APT_RECOMMENDS = ["--no-install-recommends", "-o APT::Install-Recommends=false", "-o APT::Install-Recommends=0",
                  ""]
APT_PACKAGES = ["curl", "curl=8.14.1-2", "./local.deb", "$PKGS", "python3/bookworm-backports", "git=1:2.47 make",
                "'libgomp1=14.2.0-19'", "ca-certificates curl=8.14.1-2"]
APT_CLEAN = ["rm -rf /var/lib/apt/lists/*", "rm -rf /tmp/*", "rm -f /var/lib/apt/lists/x", "apt-get clean", ""]
PIP_NAMES = ["pip", "pip3", "pip3.12", "python -m pip", "python3 -m pip", "pipx", "pipenv", "python3.12 -m pip"]
PIP_OPTIONS = ["--no-cache-dir", "", "-U", "--upgrade", "--user", "-i https://pypi.example/simple",
               "--index-url=https://pypi.example/simple", "--extra-index-url https://x.example/simple",
               "--no-cache-dir --prefer-binary", "-q", "--target /opt/lib", "-c constraints.txt"]
PIP_PACKAGES = ["spacy", "spacy==3.8.7", "'numpy>=2,<3'", "numpy>=2", "-r requirements.txt", ".", "./wheels/x.whl",
                "git+https://github.com/o/r@v1", "git+https://github.com/o/r", "pandas~=3.0 scipy",
                "--requirement=req.txt", "x.tar.gz", "pip", "-e .", "requests!=2.0"]
IMAGES = ["python:3.12-slim", "python", "python:latest", "debian:trixie-slim@sha256:" + "a" * 64, "scratch",
          "ghcr.io/org/app", "ghcr.io/org/app:1.0", "$BASE", "${BASE}:1", "img${V}", "busybox:latest",
          "registry.example.com:5000/team/img", "docker.io/library/ubuntu"]


def _wrap(rng: random.Random, body: str, final: bool = True) -> str:
    """Place ``body`` (instructions of one stage) in a random context."""
    shape = rng.randrange(7)
    if shape == 0:
        return f"FROM debian:trixie-slim\n{body}\n"
    if shape == 1:  # the stage is only copied from
        return f"FROM debian:trixie-slim AS build\n{body}\nFROM debian:trixie-slim\nCOPY --from=build /a /a\n"
    if shape == 2:  # the stage is the base of the final stage
        return f"FROM debian:trixie-slim AS base\n{body}\nFROM base\nRUN echo done && ls\n"
    if shape == 3:  # after a first stage
        return f"FROM python:3.12-slim AS one\nRUN echo one && ls\nFROM debian:trixie-slim\n{body}\n"
    if shape == 4:  # comments and blank lines
        return f"# a comment\n\nFROM debian:trixie-slim\n\n# about the next step\n{body}\n\nCMD [\"bash\"]\n"
    if shape == 5:  # ONBUILD copies of RUN lines
        lines = [("ONBUILD " + line if line.startswith("RUN ") else line) for line in body.split("\n")]
        return "FROM debian:trixie-slim\n" + "\n".join(lines) + "\n"
    return f"ARG BASE=debian:trixie-slim\nFROM ${{BASE}}\n{body}\n"


def _pragma(rng: random.Random, code: str, text: str) -> str:
    choice = rng.randrange(8)
    if choice == 0:
        return text.replace("\nRUN ", f"\n# hadolint ignore={code}\nRUN ", 1)
    if choice == 1:
        return f"# hadolint global ignore={code}\n{text}"
    if choice == 2:
        return text.replace("\nRUN ", f"\n# hadolint ignore=DL3003, {code} # reason\nRUN ", 1)
    if choice == 3:
        return text.replace("\nRUN ", f"\n# hadolint ignore={code} no reason marker\nRUN ", 1)  # invalid pragma
    return text


def apt_cases(code: str) -> Callable[[random.Random], str]:
    # Lean towards the rule's own trigger, so that each family exercises it often.
    yes = APT_YES + ["", "-q", "-qqq"] * 3 if code == "DL3014" else APT_YES
    clean = APT_CLEAN + ["", "apt-get clean"] * 3 if code == "DL3009" else APT_CLEAN

    def make(rng: random.Random) -> str:
        name = rng.choice(["apt-get", "apt-get", "apt-get", "apt", "aptitude"])
        install = f"{name} install {rng.choice(yes)} {rng.choice(APT_RECOMMENDS)} {rng.choice(APT_PACKAGES)}"
        update = rng.choice(["apt-get update", "apt update", "apt-get update", ""])
        parts = [p for p in (update, install, rng.choice(clean)) if p]
        if rng.random() < 0.3:
            parts.insert(rng.randrange(len(parts) + 1), rng.choice(["echo $(apt-get install -y x)", "cd /tmp",
                                                                     "(apt-get update)", "true || apt-get -t x install y"]))
        joiner = rng.choice([" && ", " ; ", " \\\n    && "])
        flags = rng.choice(["", "", "--mount=type=cache,target=/var/lib/apt/lists ",
                            "--mount=type=cache,target=/var/cache/apt --mount=type=cache,target=/var/lib/apt ",
                            "--mount=type=tmpfs,target=/var/lib/apt/lists "])
        body = f"RUN {flags}{joiner.join(parts)}"
        if rng.random() < 0.3:
            body += f"\nRUN apt-get install {rng.choice(APT_YES)} {rng.choice(APT_PACKAGES)}"
        return _pragma(rng, code, _wrap(rng, body))
    return make


def pip_cases(code: str) -> Callable[[random.Random], str]:
    def make(rng: random.Random) -> str:
        options = " ".join(rng.sample(PIP_OPTIONS, rng.randrange(3)))
        packages = " ".join(rng.sample(PIP_PACKAGES, rng.randrange(1, 3)))
        command = f"{rng.choice(PIP_NAMES)} install {options} {packages}"
        prefix = rng.choice(["", "", "PIP_NO_CACHE_DIR=1 ", "PIP_NO_CACHE_DIR=false ", "FOO=1 "])
        flags = rng.choice(["", "", "--mount=type=cache,target=/root/.cache/pip ", "--mount=type=bind,target=/x "])
        body = f"RUN {flags}{prefix}{command}"
        if rng.random() < 0.3:
            body = rng.choice(["ENV PIP_NO_CACHE_DIR=1", "ENV PIP_NO_CACHE_DIR=on", "ENV PIP_NO_CACHE_DIR 0",
                               "ENV PIP_NO_CACHE_DIR=YES OTHER=1", "ENV OTHER=1"]) + "\n" + body
        if rng.random() < 0.3:
            body += rng.choice(["\nRUN pip install --no-cache-dir x==1 && pip install y", "\nRUN pip list",
                                "\nRUN pip3 install -r req.txt"])
        return _pragma(rng, code, _wrap(rng, body))
    return make


def from_cases(code: str) -> Callable[[random.Random], str]:
    def make(rng: random.Random) -> str:
        stages = []
        aliases: list[str] = []
        for index in range(rng.randrange(1, 4)):
            image = rng.choice(IMAGES + aliases) if aliases and rng.random() < 0.3 else rng.choice(IMAGES)
            alias = rng.choice(["", f" AS s{index}", f" as s{index}"])
            platform = rng.choice(["", "", "--platform=$BUILDPLATFORM "])
            stages.append(f"FROM {platform}{image}{alias}\nRUN echo {index} && ls")
            if alias:
                aliases.append(f"s{index}")
        text = "ARG BASE=python:3.12\nARG V=1\n" + "\n".join(stages) + "\n"
        if rng.random() < 0.3:
            text = text.replace("\nFROM ", f"\n# hadolint ignore={code}\nFROM ", 1)
        return text
    return make


def user_cases(rng: random.Random) -> str:
    stages = []
    for index in range(rng.randrange(1, 4)):
        users = [rng.choice(["root", "0", "root:root", "0:0", "1000", "app", "rootless", "1000:0", "$USER", "root:1"])
                 for _ in range(rng.randrange(0, 3))]
        body = "\n".join(f"USER {user}\nRUN id && ls" for user in users)
        stages.append(f"FROM debian:trixie-slim AS s{index}\n{body}")
    return "\n".join(stages) + "\n"


def cd_cases(rng: random.Random) -> str:
    script = rng.choice(["cd /app && make", "(cd /src && make)", "make -C /src", "echo cd", "ls /cd",
                         "if [ -d x ]; then cd x; fi", "echo $(cd /x && pwd)", "cdrecord x", "pushd /x && popd",
                         "for d in a b; do cd $d; done", "cd", "mkdir /x && cd /x"])
    return _pragma(rng, "DL3003", _wrap(rng, f"RUN {script}"))


def add_cases(rng: random.Random) -> str:
    sources = " ".join(rng.sample(["app.py", "src/", "vendor.tar.gz", "x.zip", "https://example.org/f.tgz",
                                   "http://example.org/x", "'data.tar.xz'", "\"quoted dir\"", "${URL}", "a.tbz2",
                                   "git@github.com:o/r.git", "archive.tar"], rng.randrange(1, 3)))
    flags = rng.choice(["", "--chown=1000:1000 ", "--checksum=sha256:" + "b" * 64 + " ", "--link "])
    form = rng.choice(["shell", "shell", "json"])
    if form == "json":
        items = ", ".join(f'"{s.strip(chr(39)).strip(chr(34))}"' for s in sources.split()) + ', "/dst/"'
        line = f"ADD {flags}[{items}]"
    else:
        line = f"ADD {flags}{sources} /dst/"
    return _pragma(rng, "DL3020", _wrap(rng, line + "\nCOPY a.py /a.py"))


def cmd_cases(rng: random.Random) -> str:
    lines = [rng.choice(["CMD python app.py", 'CMD ["python", "app.py"]', "CMD ['python', 'app.py']",
                         'ENTRYPOINT ["tini", "--"]', "ENTRYPOINT exec gunicorn app", "CMD []",
                         "HEALTHCHECK CMD curl -f http://localhost/ || exit 1",
                         'HEALTHCHECK --interval=5s CMD ["curl", "-f", "http://localhost/"]', "HEALTHCHECK NONE",
                         "ONBUILD CMD echo hi", 'CMD [ "python" ]', "CMD [\"a\" \"b\"]"])
             for _ in range(rng.randrange(1, 3))]
    return _pragma(rng, "DL3025", _wrap(rng, "RUN echo x && ls\n" + "\n".join(lines)))


def maintainer_cases(rng: random.Random) -> str:
    body = rng.choice(["MAINTAINER a@b.c", "LABEL maintainer=a@b.c", "ONBUILD MAINTAINER x",
                       "MAINTAINER \"Some One <a@b.c>\"", "maintainer x"])
    return _pragma(rng, "DL4000", _wrap(rng, "RUN echo && ls\n" + body))


def consecutive_cases(rng: random.Random) -> str:
    runs = [rng.choice(["RUN mkdir /x", "RUN a && b", "RUN echo $(date)", "RUN --mount=type=cache,target=/c make",
                        "RUN make", "# comment", "", "WORKDIR /x", "RUN a | b", "RUN [\"make\"]",
                        "ONBUILD RUN x", "RUN <<EOF\necho one\nEOF", "RUN x; y", "RUN $Y bar && $Z baz",
                        'RUN for p in a b; do "$p" install; done && rm -rf /c', "RUN $(which pip) install x"])
            for _ in range(rng.randrange(2, 6))]
    if rng.random() < 0.4:  # PowerShell and cmd scripts, which hadolint reads as shell as far as they are shell
        shell = rng.choice(['SHELL ["powershell", "-Command"]', 'SHELL ["pwsh", "-Command"]',
                            'SHELL ["cmd", "/S", "/C"]'])
        runs = [shell, *(rng.choice(WINDOWS_RUNS) for _ in range(rng.randrange(2, 6)))]
        # Not wrapped: hadolint runs ShellCheck on an ONBUILD RUN whatever the SHELL, `dockgen --shellcheck` does not.
        return "FROM mcr.microsoft.com/windows/servercore:ltsc2022\n" + "\n".join(runs) + "\n"
    return _wrap(rng, "\n".join(runs))


WINDOWS_RUNS = ["RUN Write-Host 'a'; Write-Host 'b'", "RUN Install-Module x",
                "RUN $p = ('{0}' -f $env:X); Write-Host $p", "RUN if (Test-Path x) { Remove-Item x }", "RUN iex ((New-Object Net.WebClient).DownloadString('u'))",
                "RUN New-Item x | Out-Null; $p = (Get-Item x)", "RUN Start-Process x -ArgumentList @('/i', 'y')",
                "RUN mkdir C:\\app & choco install git", "RUN if exist C:\\x (del C:\\x)", "RUN a; [Net.X]::Y = 3; b",
                "RUN $ErrorActionPreference = 'Stop'; a", "RUN Write-Host \"`n\"; a", "WORKDIR C:\\w", "# comment"]


def pipefail_cases(rng: random.Random) -> str:
    shell = rng.choice(["", "", 'SHELL ["/bin/bash", "-o", "pipefail", "-c"]', 'SHELL ["/bin/sh", "-c"]',
                        'SHELL ["bash", "-eo", "pipefail", "-c"]', 'SHELL ["/bin/ash", "-o", "pipefail", "-c"]',
                        'SHELL ["pwsh", "-Command"]', 'SHELL ["/bin/zsh", "-o", "pipefail", "-c"]',
                        "SHELL [\"cmd\", \"/S\", \"/C\"]", 'SHELL ["/bin/bash", "-c", "-o", "pipefail"]'])
    runs = [rng.choice(["RUN a | b", "RUN a || b", "RUN echo 'a | b'", "RUN set -o pipefail && a | b",
                        "RUN [\"sh\", \"-c\", \"a | b\"]", "RUN x |& y", "RUN echo $(a | b)", "RUN ls"])
            for _ in range(rng.randrange(1, 3))]
    text = _wrap(rng, (shell + "\n" if shell else "") + "\n".join(runs))
    if rng.random() < 0.3:  # a second stage resets the SHELL
        text += "FROM debian:trixie-slim\nRUN c | d\n"
    return _pragma(rng, "DL4006", text)


# Instruction pools for the rules about structure rather than shell: each rule's triggers and near misses.
# (One-character and empty WORKDIRs and `COPY a b ""` crash hadolint, so they are not generated.)
STRUCTURE: dict[str, list[str]] = {
    "DL3000": ["WORKDIR /app", "WORKDIR app", "WORKDIR ./x", "WORKDIR $HOME/x", 'WORKDIR "/q"', "WORKDIR ~/x",
               "WORKDIR C:\\app", "WORKDIR ab", "WORKDIR 'rel/x'", "WORKDIR ${APP}"],
    "DL3011": ["EXPOSE 80", "EXPOSE 70000", "EXPOSE 1-65536", "EXPOSE 80/tcp 65535/udp", "EXPOSE $PORT",
               "EXPOSE 99999/tcp", "EXPOSE 8000-8080", "EXPOSE 65536"],
    "DL3012": ['HEALTHCHECK CMD ["true"]', "HEALTHCHECK NONE", "HEALTHCHECK --interval=5s CMD curl -f x || exit 1"],
    "DL4003": ['CMD ["a"]', "CMD b", "CMD []"],
    "DL4004": ['ENTRYPOINT ["a"]', "ENTRYPOINT b"],
    "DL3021": ["COPY a b /x/", "COPY a b /x", 'COPY ["a", "b", "/x"]', 'COPY ["a", "b", "/x/"]', "COPY a /x",
               "COPY --chown=1:1 a b c /d", "COPY a b '/x/'", "ADD a b /x"],
    "DL3022": ["COPY --from=s0 /a /a", "COPY --from=0 /a /a", "COPY --from=5 /a /a", "COPY --from=nginx /a /a",
               "COPY --from=nginx:1 /a /a", 'COPY --from="s0" /a /a', "COPY --from=$X /a /a", "COPY --from=s9 /a /a"],
    "DL3023": ["COPY --from=s0 /a /a", "COPY --from=s1 /a /a", "COPY --from=s2 /a /a", "COPY --from=1 /a /a"],
    "DL3067": ["COPY --from=s0 / /", "COPY --from=s0 /opt /", "COPY --from=s0 '/' '/'", "COPY / /"],
    "DL3043": ["ONBUILD ONBUILD RUN x", "ONBUILD FROM alpine:3.23", "ONBUILD MAINTAINER x", "ONBUILD RUN x && y"],
    "DL3044": ["ENV A=1 B=$A", "ENV C=${C}:x", "ENV E=1 F=${E:-x}", "ARG G\nENV G=1 H=$G", 'ENV I="$J" J=2',
               "ENV K=1 L=${K}", "ENV M=1 N=$MX", "ENV P 1"],
    "DL3045": ["COPY a b", "WORKDIR /w", "COPY a /abs", "COPY a $X", "COPY a ./rel/", "COPY --from=s0 a rel"],
    "DL3048": ["LABEL a.b=1", "LABEL Ab=1", "LABEL a..b=1", "LABEL com.docker.x=1", "LABEL a-=1", "LABEL a/b=1",
               'LABEL "q.x"=1 b--c=2', "LABEL org.opencontainers.image.title=x", "LABEL 1a=x"],
    "DL3064": ["ARG GITHUB_TOKEN", "ENV DB_PASSWORD=x", "ARG TOKENIZERS_PARALLELISM=false", "ENV APP_HOME=/app",
               "ARG aws_access_key_id", "ENV USERNAME=x", "ARG VERSION=1", "ONBUILD ENV MY_SECRET=1"],
    "DL3066": ["USER app", "USER 1000", "USER $U", "USER ${U}:1", "USER 1000:app", "USER app:1000", "USER $E",
               "USER root", "ARG W\nUSER $W"],
}
FROM_VARIANTS = ["FROM debian:trixie-slim", "FROM --platform=linux/amd64 debian:trixie-slim",
                 "FROM --platform=$BUILDPLATFORM debian:trixie-slim", "FROM --platform=$TARGETPLATFORM alpine:3.23",
                 "FROM --platform=${TARGETPLATFORM} alpine:3.23"]
ALIASES = ["", "", " AS s{i}", " AS s0", " AS scratch", " AS context", " AS Scratch", " as s{i}"]


def structure_cases(code: str) -> Callable[[random.Random], str]:
    pool = STRUCTURE.get(code, [])

    def make(rng: random.Random) -> str:
        text = "ARG U=1000\n"
        if code == "DL3061" or rng.random() < 0.1:
            text += rng.choice(["LABEL a=b\n", "ENV X=1\n", "RUN echo && ls\n", "ARG B=1\n", "# c\n"])
        for index in range(rng.randrange(1, 4)):
            alias = rng.choice(ALIASES).format(i=index)
            text += rng.choice(FROM_VARIANTS if code in ("DL3029", "DL3065") else FROM_VARIANTS[:1]) + alias + "\n"
            lines = [rng.choice(pool) for _ in range(rng.randrange(1, 4))] if pool else []
            lines += [rng.choice(["RUN echo && ls", "ENV Z=1", "WORKDIR /srv", "COPY x /x"])
                      for _ in range(rng.randrange(0, 2))]
            rng.shuffle(lines)
            for line in lines:
                if rng.random() < 0.1 and not line.startswith(("ONBUILD", "ARG")):
                    line = "ONBUILD " + line
                text += line + "\n"
        return _pragma(rng, code, text)
    return make


# Command pools for the shell-based rules (bare command names only: sudo and paths are documented differences).
SHELL: dict[str, list[str]] = {
    "DL3001": ["service nginx start", "ssh host ls", "vim x", "ps aux", "top -b -n1", "kill 1", "mount -a", "free -m",
               "shutdown now", "echo ps", "pkill x", "systemctl start x"],
    "DL3004": ["sudo ls", "sudo -u x ls", "echo sudo", "sudoedit x", "ls", "sudo chown 1 /x", "sudo -E true"],
    "DL3027": ["apt install -y x", "apt-get install -y x", "apt update", "aptitude install x", "apt-cache policy x"],
    "DL4005": ["ln -s /bin/bash /bin/sh", "ln -sf /bin/bash /bin/sh", "ln -s /bin/sh /x", "ln -s a b"],
    "DL3018": ["apk add curl", "apk add --no-cache curl=8.1-r0", "apk add --virtual .deps gcc", "apk add -t .d x=1",
               "apk add ./x.apk", "apk add --repository http://x curl", "apk add 'py3-pip>=1'", "apk add x~1.2"],
    "DL3019": ["apk add --no-cache x=1", "apk add x=1", "apk update", "apk --no-cache add x=1", "apk del x"],
    "DL3030": ["yum install x-1", "yum install -y x-1", "yum -y install x-1", "yum groupinstall x",
               "yum localinstall --assumeyes x.rpm", "yum update"],
    "DL3038": ["dnf install x-1", "dnf install -y x-1", "microdnf install x-1", "microdnf -y install x-1",
               "dnf groupinstall x", "dnf --assumeyes localinstall x.rpm"],
    "DL3034": ["zypper install x=1", "zypper -n install x=1", "zypper in -y x=1", "zypper rm x",
               "zypper --non-interactive patch", "zypper refresh", "zypper --no-confirm si x"],
    "DL3035": ["zypper dist-upgrade", "zypper -n dup", "zypper update", "zypper -n in x=1"],
    "DL3032": ["yum install -y x-1", "yum clean all", "rm -rf /var/cache/yum/*", "yum makecache", "rm -rf /tmp/x"],
    "DL3036": ["zypper -n install x=1", "zypper clean", "zypper cc", "zypper -n in x=1", "zypper refresh"],
    "DL3040": ["dnf install -y x-1", "dnf clean all", "microdnf install -y x-1", "microdnf clean all",
               "rm -rf /var/cache/libdnf5*", "dnf upgrade -y", "dnf makecache"],
    "DL3037": ["zypper -n install x", "zypper -n install x=1", "zypper -n install x.rpm", "zypper -n in y z=2",
               "zypper -n install 'x>1'"],
    "DL3033": ["yum install -y httpd", "yum install -y httpd-2.4", "yum install -y x-1.2-3.el7",
               "yum install -y tar-${V}", "yum module install -y nodejs:18", "yum module install -y nodejs",
               "yum install -y x.rpm", "yum install -y x-abc", "yum install -y x-$Y"],
    "DL3041": ["dnf install -y httpd", "dnf install -y httpd-2.4", "microdnf install -y x-1.2-3",
               "dnf module install -y nodejs:18", "dnf module install -y nodejs", "dnf group install -y tools",
               "dnf install -y x.rpm", "dnf install -y tar-${V}"],
    "DL3016": ["npm install", "npm install -g typescript", "npm install x@1", "npm install @org/pkg",
               "npm install @org/pkg@1", "npm install git+https://x/y.git", "npm install git+https://x/y.git#v1",
               "npm install ./local", "npm i x", "npm install --registry http://r x@1", "npm ci", "npm install x.tgz"],
    "DL3028": ["gem install bundler", "gem install bundler:2.1", "gem install -v 2 bundler",
               "gem install --no-document rails", "gem i rake", "gem install x --version=1", "gem list"],
    "DL3062": ["go install x/y@latest", "go install x/y@v1", "go get x/y", "go run main.go", "go run x/y@v1",
               "go install .", "go build ./...", "go mod download", "go install x/y@none"],
    "DL3060": ["yarn install", "yarn cache clean", "yarn", "yarn add x", "yarn install --frozen-lockfile"],
    "DL3046": ["useradd -u 123456789 app", "useradd -l -u 123456789 app", "useradd -u 1000 app",
               "useradd --uid 123456789 app", "useradd --no-log-init -u 1234567 app", "useradd app"],
    "DL3047": ["wget x", "wget -q x", "wget --progress=dot:giga x", "wget -nv x", "wget -O f x", "wget -o log x",
               "curl -fsSL x"],
    "DL4001": ["curl -fsSL x", "wget -q x", "echo", "curl -o f x"],
}
ARCHIVE_PAIRS = [("COPY app.tar.gz /tmp/", "RUN tar -xzf /tmp/app.tar.gz"),
                 ("COPY app.tar.gz /tmp/", "RUN tar xzf /tmp/app.tar.gz"),
                 ("COPY x.zip /tmp/", "RUN unzip /tmp/x.zip"),
                 ("COPY a.tgz b.tgz /tmp/", "RUN tar -xf /tmp/a.tgz"),
                 ("COPY data.tar.gz /tmp/d.tar.gz", "RUN gunzip /tmp/d.tar.gz"),
                 ("COPY b.tgz /tmp/", "RUN tar --extract -f /tmp/b.tgz"),
                 ("COPY --from=s0 c.tgz /tmp/", "RUN tar -xf /tmp/c.tgz"),
                 ("COPY e.tar.xz /opt/", "RUN tar -cf /tmp/out.tar /opt"),
                 ("COPY f.tgz /tmp/", "RUN echo f.tgz")]


def shell_cases(code: str) -> Callable[[random.Random], str]:
    pool = SHELL.get(code, [])

    def make(rng: random.Random) -> str:
        if code == "DL3010":
            pairs = [rng.choice(ARCHIVE_PAIRS) for _ in range(rng.randrange(1, 3))]
            lines = [copy for copy, _ in pairs] + ["RUN ls"] * rng.randrange(2) + [run for _, run in pairs]
            prefix = rng.choice(["", "FROM debian:trixie-slim AS s0\n", "FROM debian:trixie-slim AS s0\nCOPY q.tgz /\n"])
            return _pragma(rng, code, prefix + "FROM debian:trixie-slim\n" + "\n".join(lines) + "\n")
        else:
            runs = []
            for _ in range(rng.randrange(1, 4)):
                commands = [rng.choice(pool) for _ in range(rng.randrange(1, 4))]
                if rng.random() < 0.3:
                    commands.insert(rng.randrange(len(commands) + 1), rng.choice(["echo ok", "cd /tmp", "ls"]))
                flags = rng.choice(["", "", "--mount=type=cache,target=/var/cache/apk ",
                                    "--mount=type=cache,target=/root/.cache/yarn ",
                                    "--mount=type=cache,target=/var/cache/zypp "])
                runs.append(f"RUN {flags}" + rng.choice([" && ", " ; ", " || "]).join(commands))
            body = "ARG V=1\n" + "\n".join(runs)
        return _pragma(rng, code, _wrap(rng, body))
    return make


STRUCTURE_CODES = ("DL3000", "DL3011", "DL3012", "DL4003", "DL4004", "DL3021", "DL3022", "DL3023", "DL3024",
                   "DL3029", "DL3065", "DL3043", "DL3044", "DL3045", "DL3048", "DL3061", "DL3063", "DL3064",
                   "DL3066", "DL3067")

FAMILIES: dict[str, Callable[[random.Random], str]] = {
    "DL3002": user_cases,
    "DL3003": cd_cases,
    "DL3006": from_cases("DL3006"),
    "DL3007": from_cases("DL3007"),
    "DL3008": apt_cases("DL3008"),
    "DL3009": apt_cases("DL3009"),
    "DL3013": pip_cases("DL3013"),
    "DL3014": apt_cases("DL3014"),
    "DL3015": apt_cases("DL3015"),
    "DL3020": add_cases,
    "DL3025": cmd_cases,
    "DL3042": pip_cases("DL3042"),
    "DL3059": consecutive_cases,
    "DL4000": maintainer_cases,
    "DL4006": pipefail_cases,
    **{code: structure_cases(code) for code in STRUCTURE_CODES},
    **{code: shell_cases(code) for code in (*SHELL, "DL3010")},
}


def generate(per_rule: int = PER_RULE, seed: int = SEED) -> dict[str, list[str]]:
    """Distinct Dockerfiles per rule code."""
    cases: dict[str, list[str]] = {}
    for code, family in FAMILIES.items():
        rng = random.Random(f"{seed}-{code}")
        seen: dict[str, None] = {}
        attempts = 0
        while len(seen) < per_rule and attempts < per_rule * 20:
            seen[family(rng)] = None
            attempts += 1
        cases[code] = list(seen)
    return cases


# Rules that need configuration (or are off by default): each family comes with the hadolint flags and the dockgen
# settings that mean the same thing.
LABEL_SCHEMA = {"version": "semver", "repo": "url", "created": "rfc3339", "license": "spdx", "revision": "hash",
                "maintainer": "email", "title": "text"}
LABEL_VALUES = {
    "version": ["1.0.0", "v1.2", "1.2.3-rc.1", "1.0", '""', "2.0.0+build.5"],
    "repo": ["https://github.com/o/r", "github.com/o/r", "mailto:a@b.c", "ftp://x"],
    "created": ["2026-11-25T09:00:00Z", "2026-11-25", "2026-11-25T09:00:00+01:00", "yesterday"],
    "license": ["MIT", "Apache-2.0", "Apache2", "'MIT OR Apache-2.0'", "GPL-3.0-only"],
    "revision": ["0123abc", "abc", "0123456789abcdef0123456789abcdef01234567", "0123ABC"],
    "maintainer": ["someone@example.org", "someone", "a.b@c.io", "x@y"],
    "title": ["app", '""', "'My App'"],
    "verison": ["1"], "Other": ["x"],
}


def label_cases(rng: random.Random) -> str:
    text = ""
    for index in range(rng.randrange(1, 4)):
        text += f"FROM debian:trixie-slim AS s{index}\n" if rng.random() < 0.7 else f"FROM s{index - 1}\n"
        for _ in range(rng.randrange(0, 3)):
            keys = rng.sample(sorted(LABEL_VALUES), rng.randrange(1, 4))
            text += "LABEL " + " ".join(f"{k}={rng.choice(LABEL_VALUES[k])}" for k in keys) + "\n"
        if rng.random() < 0.3:
            text += f"COPY --from=s{rng.randrange(index + 1)} /a /a\n"
    return text.replace("FROM s-1\n", "FROM debian:trixie-slim\n")


def registry_cases(rng: random.Random) -> str:
    images = ["debian:trixie-slim", "ghcr.io/o/app:1", "quay.io/o/x:2", "gcr.io/p/i:3", "eu.gcr.io/p/i:3",
              "docker.io/library/debian:13", "scratch", "registry.example.com:5000/t/i:1", "localhost/x:1", "s0"]
    text = ""
    for index in range(rng.randrange(1, 4)):
        text += f"FROM {rng.choice(images)} AS s{index}\n"
        for _ in range(rng.randrange(0, 3)):
            text += rng.choice([f"COPY --from={rng.choice(images)} /a /a\n", f"COPY --from=s{index} /a /a\n",
                                f"RUN --mount=type=bind,from={rng.choice(images)},target=/m ls\n", "RUN ls\n"])
    return text


def healthcheck_cases(rng: random.Random) -> str:
    text = ""
    for index in range(rng.randrange(1, 4)):
        base = rng.choice(["debian:trixie-slim", f"s{index - 1}" if index else "debian:trixie-slim"])
        text += f"FROM {base} AS s{index}\n"
        text += rng.choice(["", 'HEALTHCHECK CMD ["true"]\n', "HEALTHCHECK NONE\n", "RUN ls\n"])
    return text


def pragma_comment_cases(rng: random.Random) -> str:
    lines = ["FROM debian:trixie-slim"]
    for _ in range(rng.randrange(1, 5)):
        lines.append(rng.choice(["# hadolint ignore=DL3008", "# hadolint global ignore=DL3008", "# just a comment",
                                 "# hadolint ignore=DL3008 # why", "# hadolint shell=bash", "#hadolint ignore=DL3003",
                                 "# hadolint ignore=dl3008"]))  # stage pragmas differ on purpose
        lines.append(rng.choice(["RUN apt-get install -y curl", "RUN ls", "WORKDIR /x"]))
    return "\n".join(lines) + "\n"


CONFIGURED: dict[str, tuple[Callable[[random.Random], str], tuple[str, ...], dict[str, object]]] = {
    "labels": (label_cases, tuple(f"--require-label={k}:{v}" for k, v in LABEL_SCHEMA.items()) + ("--strict-labels",),
               {"label-schema": LABEL_SCHEMA, "strict-labels": True}),
    "labels-lax": (label_cases, tuple(f"--require-label={k}:{v}" for k, v in LABEL_SCHEMA.items()),
                   {"label-schema": LABEL_SCHEMA}),
    "registries-hub": (registry_cases, ("--trusted-registry=docker.io",), {"trusted-registries": ["docker.io"]}),
    "registries-patterns": (registry_cases, ("--trusted-registry=*.gcr.io", "--trusted-registry=ghcr.io",
                                             "--trusted-registry=quay.io*"),
                            {"trusted-registries": ["*.gcr.io", "ghcr.io", "quay.io*"]}),
    "healthcheck": (healthcheck_cases, ("--warning=DL3057",), {"extend-select": ["DL3057"]}),
    "pragma-comments": (pragma_comment_cases, ("--warning=DL1001",), {"extend-select": ["DL1001"]}),
}


def generate_configured(name: str, count: int = 50, seed: int = SEED) -> list[str]:
    family = CONFIGURED[name][0]
    rng = random.Random(f"{seed}-{name}")
    seen: dict[str, None] = {}
    for _ in range(count * 20):
        if len(seen) >= count:
            break
        seen[family(rng)] = None
    return list(seen)
