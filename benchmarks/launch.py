"""Run a command and write its peak memory and CPU time as JSON: `launch OUT COMMAND...`.

A process's peak resident set survives `exec`: a command started straight from a big parent
(pytest, the runner) reports the parent's size. Started from this small launcher, it reports
its own.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

if __name__ == "__main__":
    report, command = sys.argv[1], sys.argv[2:]
    process = subprocess.Popen(command)
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    with open(report, "w", encoding="utf-8") as handle:
        json.dump({"peak_kib": usage.ru_maxrss, "cpu": usage.ru_utime + usage.ru_stime}, handle)
    sys.exit(process.returncode)
