"""Printing of steps: what runs, how long it took, and what to do when it failed."""

import subprocess
import sys
import time
from contextlib import contextmanager


class StepFailed(Exception):
    """A step could not be done; ``hint`` tells the user what they can do about it."""

    def __init__(self, message, hint=""):
        super().__init__(message)
        self.message = message
        self.hint = hint
        self.step = None


_tty = sys.stdout.isatty()


def _paint(code, text):
    return f"\033[{code}m{text}\033[0m" if _tty else text


def info(text):
    print(f"    {text}", flush=True)


def warn(text):
    print(_paint("33", f"    ! {text}"), flush=True)


@contextmanager
def step(title):
    """Print ``title``, run the block, then print how long it took (or that it failed)."""
    print(_paint("1", f"==> {title}"), flush=True)
    start = time.monotonic()
    try:
        yield
    except StepFailed as exc:
        exc.step = exc.step or title
        raise
    except KeyboardInterrupt:
        raise
    except Exception as exc:  # any other error is still reported as this step's failure
        failed = StepFailed(f"{type(exc).__name__}: {exc}")
        failed.step = title
        raise failed from exc
    else:
        print(_paint("32", f"    done in {time.monotonic() - start:.1f}s"), flush=True)


def report_failure(exc, command):
    print(_paint("31", f"\n✗ step failed: {exc.step or command}"), file=sys.stderr)
    print(f"  {exc.message}", file=sys.stderr)
    if exc.hint:
        print(f"  what you can do: {exc.hint}", file=sys.stderr)


def run(cmd, *, hint="", env=None, cwd=None, quiet=False, filter_out=(), check=True):
    """Run ``cmd``; on failure raise StepFailed with the command's last output lines."""
    proc = subprocess.run(
        cmd,
        env=env,
        cwd=cwd,
        text=True,
        errors="replace",
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    lines = [line for line in proc.stdout.splitlines() if not any(f in line for f in filter_out)]
    if proc.returncode != 0 and check:
        tail = "\n  ".join(lines[-25:])
        raise StepFailed(
            f"`{' '.join(map(str, cmd))}` exited with {proc.returncode}:\n  {tail}", hint
        )
    if not quiet:
        for line in lines[-5:]:
            info(line)
    return proc
