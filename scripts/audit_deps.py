"""Run pip-audit on the project's environment and say how much it could check.

pip-audit exits 0 when the vulnerability service cannot be reached, having
checked nothing. This wrapper fails on any known vulnerability and also when
no package at all could be audited, unless AUDIT_OFFLINE_OK=1 says that is
expected (a build machine without the PyPI JSON API).
"""

import json
import os
import subprocess  # nosec B404
import sys
from pathlib import Path


def main():
    pip_audit = Path(sys.executable).with_name("pip-audit")
    # Runs our own venv's pip-audit with fixed arguments.
    result = subprocess.run(  # noqa: S603  # nosec B603
        [str(pip_audit), "--progress-spinner", "off", "--format", "json"],
        capture_output=True,
        text=True,
        check=False,
    )
    try:
        report = json.loads(result.stdout)
    except json.JSONDecodeError:
        print(result.stderr, file=sys.stderr)
        return 1
    audited = [d for d in report["dependencies"] if "skip_reason" not in d]
    vulnerable = [d for d in audited if d["vulns"]]
    for dependency in vulnerable:
        for vuln in dependency["vulns"]:
            fixed = ", ".join(vuln["fix_versions"]) or "no fix yet"
            print(
                f"{dependency['name']} {dependency['version']}: {vuln['id']} ({fixed})"
            )
    total = len(report["dependencies"])
    print(
        f"pip-audit: {len(audited)} of {total} packages audited, "
        f"{len(vulnerable)} with known vulnerabilities"
    )
    if vulnerable:
        return 1
    if not audited:
        print("pip-audit could not reach its vulnerability data; nothing was checked.")
        return 0 if os.environ.get("AUDIT_OFFLINE_OK") == "1" else 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
