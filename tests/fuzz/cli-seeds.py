#!/usr/bin/env python3
"""cli-seeds.py OUTDIR BATS...: seeds for fuzz_cli from the command lines of
the CLI tests: every `j ARGS`, `run j ARGS`, `refused N MSG ARGS` and
`fails N MSG ARGS` line, its arguments NUL-separated. Shell variables are
replaced by plausible values; lines that still need the shell are left
out."""
import hashlib
import os
import re
import shlex
import sys

out = sys.argv[1]
os.makedirs(out, exist_ok=True)
subst = {
    "$n": "2023-0001", "${n}": "2023-0001", '"$n"': "2023-0001",
    "$n1": "2023-0001", "$n2": "2023-0002", "$n3": "2023-0003",
    "$TMP/": "", "$JIANYI_DB": "t.db", "$F/": "",
}
seen = set()
for path in sys.argv[2:]:
    with open(path, encoding="utf-8") as f:
        text = f.read().replace("\\\n", " ")
    for line in text.splitlines():
        line = line.strip()
        m = re.match(r"^(?:run )?j (.*)$", line) or \
            re.match(r"^(?:refused|fails) \d+ (?:\"[^\"]*\"|'[^']*') (.*)$", line)
        if not m:
            continue
        cmd = m.group(1)
        for k, v in subst.items():
            cmd = cmd.replace(k, v)
        cmd = re.split(r"\s(?:>|2>|<|\||&&|\|\||;)", cmd)[0]
        if "$" in cmd or "`" in cmd:
            continue
        try:
            args = shlex.split(cmd)
        except ValueError:
            continue
        if not args:
            continue
        data = "\0".join(args).encode()
        if data in seen:
            continue
        seen.add(data)
        name = hashlib.sha1(data).hexdigest()[:16]
        with open(os.path.join(out, name), "wb") as f:
            f.write(data)
print(len(seen))
