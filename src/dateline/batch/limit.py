"""A per-article time limit, so one pathological article cannot stall a worker.

In a process's main thread the limit is a ``SIGALRM`` timer: its handler also interrupts the
regular-expression engine, which checks for signals. In any other thread (a Dask worker runs
tasks in threads) a watchdog timer raises the exception asynchronously in the worker thread,
which takes effect at the next Python bytecode.
"""
from __future__ import annotations

import ctypes
import signal
import threading
from contextlib import contextmanager
from collections.abc import Iterator


class Expired(BaseException):
    """Raised inside the limited block when its time is up (a BaseException, so a broad
    ``except Exception`` inside a stage cannot swallow it)."""


@contextmanager
def time_limit(seconds: float | None) -> Iterator[None]:
    """Run the block with a wall-clock limit; raise `Expired` when it is exceeded.

    ``None`` or ``0`` means no limit.

    >>> import time
    >>> try:
    ...     with time_limit(0.05):
    ...         time.sleep(1)
    ... except Expired:
    ...     print("expired")
    expired
    """
    if not seconds or seconds <= 0:
        yield
        return
    if threading.current_thread() is threading.main_thread() and hasattr(signal, "setitimer"):
        with _alarm(seconds):
            yield
    else:
        with _watchdog(seconds):
            yield


@contextmanager
def _alarm(seconds: float) -> Iterator[None]:
    def on_alarm(signum, frame):
        raise Expired()

    previous = signal.signal(signal.SIGALRM, on_alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


@contextmanager
def _watchdog(seconds: float) -> Iterator[None]:
    tid = threading.get_ident()
    lock = threading.Lock()
    state = {"done": False, "fired": False}

    def fire() -> None:
        with lock:
            if not state["done"]:
                state["fired"] = True
                ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(tid), ctypes.py_object(Expired))

    timer = threading.Timer(seconds, fire)
    timer.daemon = True
    timer.start()
    try:
        yield
    finally:
        timer.cancel()
        with lock:
            state["done"] = True
            fired = state["fired"]
        if fired:  # the exception may still be pending: clear it and raise it here instead
            ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(tid), None)
    if fired:
        raise Expired()
