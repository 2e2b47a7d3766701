"""Worker processes that map a function over items, results in input order, and that can always
be stopped: no lock is shared between the processes.

multiprocessing.Pool shares its task queue's lock with the workers: Ctrl-C (SIGINT to the whole
process group) raised KeyboardInterrupt in each worker (tracebacks) and could leave the lock
held, so that the parent's terminate() waited on it for ever. Here each worker has a pipe of
its own: the parent sends it a chunk of (index, item) at a time and it sends back (index,
result) as each item is done. Workers ignore SIGINT, the parent decides: on Ctrl-C or SIGTERM
it sends them SIGTERM (a worker unwinds, so the temporary file it was writing is removed, and
exits without a word), waits a moment and kills what is left. A worker whose parent is gone,
even killed by SIGKILL, notices within PARENT_CHECK seconds and stops itself the same way.
A worker that dies (a crash in a C library, the OOM killer) costs only the item it was doing:
`lost(item, how)` is its result, and a new worker takes over the rest of its chunk.
"""
from __future__ import annotations

import contextlib
import os
import signal
import threading
import time
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from multiprocessing import get_context
from multiprocessing.connection import Connection, wait
from multiprocessing.process import BaseProcess
from types import FrameType, TracebackType
from typing import Any, Generic, TypeVar, cast

Item = TypeVar("Item")
Result = TypeVar("Result")

PARENT_CHECK = 0.2  # seconds between a worker's checks that its parent is alive
STOP_GRACE = 3.0  # seconds the workers get to exit after SIGTERM, before SIGKILL
SIGNALS = {signal.SIGINT, signal.SIGTERM}


class Stop(BaseException):
    """Raised in a worker by SIGTERM: unwinds it (temporary files removed) to a quiet exit."""


def _stop(signum: int, frame: FrameType | None) -> None:
    signal.signal(signal.SIGTERM, signal.SIG_IGN)  # once is enough
    raise Stop


def _watch_parent(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(PARENT_CHECK)
    os.kill(os.getpid(), signal.SIGTERM)


def _serve(conn: Connection, parent: int, func: Callable[[Any], Any], setup: Callable[[], object] | None) -> None:
    """A worker's life: results for the chunks its parent sends, until it is stopped or the
    parent is gone. Never a traceback: the process ends here, stopped as by SIGTERM, or with
    os._exit (0 when its parent is gone)."""
    status = 0
    try:
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C reaches the whole group: the parent decides
        signal.signal(signal.SIGTERM, _stop)
        if hasattr(signal, "pthread_sigmask"):
            signal.pthread_sigmask(signal.SIG_UNBLOCK, SIGNALS)  # blocked by the parent while it forked
        threading.Thread(target=_watch_parent, args=(parent,), daemon=True).start()
        if setup is not None:
            setup()
        while (chunk := conn.recv()) is not None:
            for index, item in chunk:
                conn.send((index, func(item)))
    except Stop:  # unwound: now end as SIGTERM ends a process, so that the parent can tell
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
        os.kill(os.getpid(), signal.SIGTERM)
    except (EOFError, OSError):  # the parent is gone (its end of the pipe closed)
        pass
    except BaseException:  # a bug of ours outside func: the parent reports the item as lost
        status = 70
    os._exit(status)


@contextlib.contextmanager
def _signals_blocked() -> Iterator[None]:
    """SIGINT and SIGTERM wait while a worker is started: it is born with them blocked and
    unblocks them once its own handlers are set, so none reaches it with the parent's."""
    if not hasattr(signal, "pthread_sigmask"):
        yield
        return
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, SIGNALS)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


def how_it_ended(process: BaseProcess) -> str:
    code = process.exitcode
    if code is not None and code < 0:
        with contextlib.suppress(ValueError):
            return f"killed by {signal.Signals(-code).name}"
    return f"exit status {code}"


class Workers(Generic[Item, Result]):
    """`jobs` worker processes computing `func(item)`; a context manager that stops them.

    `func` and `setup` (run once in each worker) must be importable functions (or partials of
    them) when processes are spawned rather than forked; `lost(item, how)` is computed in the
    parent for an item whose worker died.
    """

    def __init__(self, jobs: int, func: Callable[[Item], Result], lost: Callable[[Item, str], Result],
                 setup: Callable[[], object] | None = None) -> None:
        self.jobs, self.func, self.lost, self.setup = jobs, func, lost, setup
        self.context = get_context("fork") if hasattr(os, "fork") else get_context("spawn")
        self.processes: dict[Connection, BaseProcess] = {}
        self.assigned: dict[Connection, deque[tuple[int, Item]]] = {}  # sent, no result yet, in order

    def __enter__(self) -> Workers[Item, Result]:
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None,
                 traceback: TracebackType | None) -> None:
        self.stop()

    def map(self, items: Sequence[Item], chunk: int = 1) -> Iterator[Result]:
        """func(item) for each item, in input order."""
        pending = deque(enumerate(items))
        done: dict[int, Result] = {}
        for _ in range(min(self.jobs, -(-len(items) // chunk))):
            self._give(self._start(), pending, chunk)
        for index in range(len(items)):
            while index not in done:
                busy = [conn for conn, work in self.assigned.items() if work]
                if not busy:  # never: an item without a result is always with a worker
                    raise RuntimeError(f"item {index} is with no worker")
                for conn in cast(list[Connection], wait(busy)):
                    self._receive(conn, done, pending, chunk)
            yield done.pop(index)

    def _start(self) -> Connection:
        mine, theirs = self.context.Pipe()
        process = self.context.Process(target=_serve, args=(theirs, os.getpid(), self.func, self.setup),
                                       daemon=True)
        with _signals_blocked():  # no Ctrl-C between the start and the bookkeeping: stop() sees every worker
            process.start()
            self.processes[mine] = process
            self.assigned[mine] = deque()
        theirs.close()
        return mine

    def _give(self, conn: Connection, pending: deque[tuple[int, Item]], chunk: int) -> None:
        work = [pending.popleft() for _ in range(min(chunk, len(pending)))]
        if not work:
            return
        self.assigned[conn].extend(work)
        with contextlib.suppress(OSError):  # it died before it got them: the next wait() sees it
            conn.send(work)

    def _receive(self, conn: Connection, done: dict[int, Result], pending: deque[tuple[int, Item]],
                 chunk: int) -> None:
        try:
            index, result = conn.recv()
        except (EOFError, OSError):
            self._replace(conn, done, pending, chunk)
            return
        assigned = self.assigned[conn]
        assigned.popleft()
        done[index] = result
        if not assigned:
            self._give(conn, pending, chunk)

    def _replace(self, conn: Connection, done: dict[int, Result], pending: deque[tuple[int, Item]],
                 chunk: int) -> None:
        """A worker died: its current item is lost, a new worker takes the rest of its chunk."""
        process, assigned = self.processes.pop(conn), self.assigned.pop(conn)
        conn.close()
        process.join(STOP_GRACE)
        if process.exitcode is None:
            process.kill()
            process.join()
        if assigned:
            index, item = assigned.popleft()
            done[index] = self.lost(item, how_it_ended(process))
            pending.extendleft(reversed(assigned))
        if pending:
            self._give(self._start(), pending, chunk)

    def stop(self) -> None:
        """SIGTERM to every worker, STOP_GRACE seconds to exit, then SIGKILL. Safe to repeat."""
        processes = list(self.processes.values())
        for process in processes:
            process.terminate()
        deadline = time.monotonic() + STOP_GRACE
        for process in processes:
            process.join(max(0.0, deadline - time.monotonic()))
            if process.exitcode is None:
                process.kill()
                process.join()
        for conn in self.processes:
            conn.close()
        self.processes.clear()
        self.assigned.clear()
