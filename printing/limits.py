"""Run a render in a child process with a time and a memory limit.

A PDF of a very large plan must fail in the task with a message, not take the
worker down or run until an outer timeout kills it without a word. The child
is forked (the parent has already imported WeasyPrint and its fonts, so the
child starts at once), its resident memory is watched, and it is killed when
it passes either limit. An address-space rlimit in the child backs up the watch.
"""

from __future__ import annotations

import os
import resource
import signal
import tempfile
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass

POLL_SECONDS = 0.05
_PAGE = os.sysconf("SC_PAGE_SIZE")


class LimitExceeded(Exception):
    """The render passed its time or memory limit; the message is for the admin (Thai)."""


class ChildFailed(Exception):
    """The render raised; carries the child's traceback."""


@dataclass
class LimitedResult:
    value: bytes
    seconds: float
    peak_memory: int  # bytes, resident
    cpu_seconds: float = 0.0  # the child's user + system time: what the render cost, however loaded the machine


def _rss(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/statm") as handle:
            return int(handle.read().split()[1]) * _PAGE
    except (OSError, IndexError, ValueError):
        return 0


def _vm_size() -> int:
    with open("/proc/self/statm") as handle:
        return int(handle.read().split()[0]) * _PAGE


def run_limited(func: Callable[[], bytes], *, seconds: float, memory_bytes: int) -> LimitedResult:
    """``func()`` in a forked child; its bytes, or LimitExceeded / ChildFailed."""
    with tempfile.TemporaryDirectory(prefix="render-") as tmp:
        out_path = os.path.join(tmp, "out")
        err_path = os.path.join(tmp, "err")
        started = time.monotonic()
        pid = os.fork()
        if pid == 0:  # pragma: no cover - runs in the child
            _child(func, out_path, err_path, memory_bytes)
        peak = 0
        reason = None
        while True:
            done, status, usage = os.wait4(pid, os.WNOHANG)
            if done:
                break
            peak = max(peak, _rss(pid))
            elapsed = time.monotonic() - started
            if peak > memory_bytes:
                reason = "memory"
            elif elapsed > seconds:
                reason = "time"
            if reason:
                os.kill(pid, signal.SIGKILL)
                _, status, usage = os.wait4(pid, 0)
                break
            time.sleep(POLL_SECONDS)
        elapsed = time.monotonic() - started
        peak = max(peak, usage.ru_maxrss * 1024)
        if reason == "time":
            raise LimitExceeded(
                f"ใช้เวลาเกินขีดจำกัด {seconds:g} วินาที (PDF_RENDER_SECONDS): "
                "เอกสารใหญ่เกินกว่าจะสร้างเป็น PDF ได้ภายในเวลาที่กำหนด"
            )
        if reason == "memory" or (os.WIFEXITED(status) and os.WEXITSTATUS(status) == 3):
            raise LimitExceeded(
                f"ใช้หน่วยความจำเกินขีดจำกัด {memory_bytes // 2**20} MiB (PDF_RENDER_MEMORY_MB): "
                "เอกสารใหญ่เกินกว่าจะสร้างเป็น PDF ได้"
            )
        if not (os.WIFEXITED(status) and os.WEXITSTATUS(status) == 0):
            detail = ""
            if os.path.exists(err_path):
                with open(err_path, encoding="utf-8", errors="replace") as handle:
                    detail = handle.read()
            raise ChildFailed(detail or f"render process ended with status {status}")
        with open(out_path, "rb") as handle:
            value = handle.read()
        return LimitedResult(
            value=value, seconds=elapsed, peak_memory=peak, cpu_seconds=usage.ru_utime + usage.ru_stime
        )


def _child(func, out_path: str, err_path: str, memory_bytes: int) -> None:  # pragma: no cover
    code = 0
    try:
        # Address space: what the process already maps plus the limit (and some room
        # for libraries' lazy mappings); the parent's RSS watch is the precise limit.
        limit = _vm_size() + 2 * memory_bytes
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
        value = func()
        with open(out_path, "wb") as handle:
            handle.write(value)
    except MemoryError:
        code = 3
    except BaseException:
        code = 4
        try:
            with open(err_path, "w", encoding="utf-8") as handle:
                handle.write(traceback.format_exc())
        except BaseException:
            pass
    finally:
        # Skip atexit handlers and finalizers inherited from the parent (its
        # database connections, its test runner): the child only renders.
        os._exit(code)
