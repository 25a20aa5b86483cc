import os
import subprocess

import pytest

CLI = os.environ.get("WLANCODE_CLI", "wlancode")
EXAMPLES = os.environ.get("WLANCODE_EXAMPLES", os.path.join(os.path.dirname(__file__), "..", "..", "examples"))


def run_cli(*args):
    """The CLI's exit code, stdout and stderr (text)."""
    p = subprocess.run([CLI, *args], capture_output=True)
    return p.returncode, p.stdout.decode(), p.stderr.decode()


@pytest.fixture
def cli():
    return run_cli
