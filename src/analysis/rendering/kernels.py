"""The kernels that run the report notebooks: one on this interpreter, kept by each process that
renders (a pool worker) for the notebooks it runs one after another, and the worker pool that
starts them early (on Linux, forked by the run's zygote: analysis.rendering.zygote).

Imports nothing heavy at module level (no pandas, matplotlib or nbconvert): a pool worker
imports this module first, and the sooner it starts its kernel, the sooner the first report
runs; what the notebooks need is imported by the zygote, or by the kernel itself.
"""

from __future__ import annotations

import contextlib
import gc
import logging
import multiprocessing
import multiprocessing.util
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Callable

from analysis import config
from analysis.rendering.zygote import Stopped  # the run ended before a worker's preload did

# The kernel's own log (a warning about TCP on loopback, a note on shutdown) is noise in an
# operator's log; errors in cells still reach us as error outputs.
QUIET_KERNEL = ["--IPKernelApp.log_level=CRITICAL"]
RESET_TAG = "analysis-fresh-namespace"
_ipython_dir: str | None = None
_zygote: str | None = None  # the address of the run's kernel zygote, where it has one
_stop = None  # a pool worker's event: set when the run has ended (worker_started)
SPAWN = multiprocessing.get_context("spawn")  # workers hold no zmq state of the run's process


def kernel_arguments() -> list[str]:
    """The rendering kernel's command-line options: quiet, no history database, and an IPython
    folder of its own, empty, so that the startup files and settings of whoever runs the
    render (~/.ipython/profile_default) cannot change a report."""
    global _ipython_dir
    if _ipython_dir is None:
        _ipython_dir = tempfile.mkdtemp(prefix="analysis-ipython-")  # private (mode 0700)
        multiprocessing.util.Finalize(None, _remove_ipython_dir, exitpriority=5)  # after kernels
    return [*QUIET_KERNEL, f"--ipython-dir={_ipython_dir}", "--HistoryManager.enabled=False"]


def _remove_ipython_dir() -> None:
    global _ipython_dir
    if _ipython_dir is not None:
        shutil.rmtree(_ipython_dir, ignore_errors=True)
        _ipython_dir = None


def kernel_manager():
    """A kernel on the interpreter running this code (a conda env, a plain venv, .venv), whatever
    kernel the notebook names or this machine has registered: the named `cixi-sti` kernel is for
    JupyterLab only, so rendering never needs it installed. Its one client is connected once and
    stopped with the kernel (analysis.rendering.kernel_client)."""
    from jupyter_client.kernelspec import KernelSpec, KernelSpecManager

    from analysis.rendering.kernel_client import KeptClientManager

    class ThisInterpreter(KernelSpecManager):
        def get_kernel_spec(self, kernel_name):
            return KernelSpec(argv=[sys.executable, "-m", "analysis.rendering.kernel_main",
                                    "-f", "{connection_file}"],
                              display_name="Python (rendering)", language="python")

    manager = KeptClientManager(kernel_name="python3", kernel_spec_manager=ThisInterpreter())
    if os.name == "posix":
        # Its sockets are files in a folder of its own, not TCP ports: a port jupyter_client
        # picks as free can be taken by another process before the kernel binds it ("Address
        # already in use", the kernel dies, the report fails), a race that kernels started side
        # by side (the pool's workers, parallel runs) make likely. (Windows has no such sockets.)
        manager.transport = "ipc"
        manager.ip = os.path.join(tempfile.mkdtemp(prefix="analysis-kernel-"), "kernel")
    if _zygote is not None:  # forked, loaded, by the run's zygote (analysis.rendering.zygote)
        import uuid

        from analysis.rendering.zygote import forked_provisioner

        manager.kernel_id = str(uuid.uuid4())
        manager.provisioner = forked_provisioner(_zygote)(
            kernel_id=manager.kernel_id, kernel_spec=manager.kernel_spec, parent=manager)
        manager.provisioner.stop = _stop  # a worker's run has ended: it waits no more
    return manager


@contextlib.contextmanager
def zygote(use: bool = True):
    """For the run's own process: a kernel zygote for the run (with `use`, and where this
    system can fork), its address given to the kernels this process starts; yields the
    address (None: no zygote)."""
    global _zygote
    if not use:
        yield None
        return
    from analysis.rendering.zygote import Zygote

    env = {key: value for key, value in os.environ.items() if key != config.CHART_CACHE_ENV}
    with Zygote(config.NOTEBOOKS_DIR.resolve(), env) as started:
        before, _zygote = _zygote, started.address
        try:
            yield started.address
        finally:
            _zygote = before


def reset_cell_source(charts: Path | None) -> str:
    """The first cell of every notebook run on a kept kernel: a fresh namespace and execution
    count, as in a new kernel, and the chart cache of this run's report folder (none: charts
    are drawn; see analysis.charts.chart_svg)."""
    cache = (f"os.environ[{config.CHART_CACHE_ENV!r}] = {str(charts)!r}" if charts is not None
             else f"os.environ.pop({config.CHART_CACHE_ENV!r}, None)")
    return f"get_ipython().reset(new_session=True)\nimport os\n{cache}\ndel os"


class WarmKernel:
    """A kernel kept for the notebooks one process renders one after another: starting a kernel
    and importing the package cost more than most reports. Each notebook starts with a cell
    that resets the namespace and the execution count (reset_cell_source), so it runs as in a
    new kernel; after a failure the kernel is dropped (it may still be busy with the cell that
    timed out)."""

    def __init__(self, cwd: Path):
        from jupyter_core.utils import run_sync

        env = {key: value for key, value in os.environ.items() if key != config.CHART_CACHE_ENV}
        self.km = kernel_manager()
        try:
            run_sync(self.km.start_kernel)(extra_arguments=kernel_arguments(), cwd=str(cwd),
                                           env=env)
        except BaseException:  # not started (or the run ended first): nothing of it left
            self.km.cleanup_connection_file()
            shut_down(self.km)
            raise

    def close(self) -> None:
        shut_down(self.km)

    def preload(self, meanwhile: Callable[[], object] = lambda: None, stop=None) -> None:
        """Import what the notebooks import and draw one chart, before the first notebook
        comes (the modules stay loaded across the namespace resets; in a kernel forked by the
        run's zygote, they are loaded already); `meanwhile` runs here while the kernel works.
        It talks through the client every notebook run here will use (kernel_client), so that
        client's one wait for the kernel is spent here, not before the first report. Once
        `stop` (an event) is set, it gives up (Stopped): the run has ended, with nothing more
        to render."""
        from queue import Empty

        from jupyter_core.utils import run_sync

        client = self.km.client()
        client.start_channels()
        run_sync(client.wait_for_ready)(timeout=60)
        if stop is not None and stop.is_set():
            raise Stopped
        request = client.execute(PRELOAD, silent=True, store_history=False)
        meanwhile()
        deadline = time.monotonic() + 120
        while True:
            try:
                reply = run_sync(client.get_shell_msg)(timeout=0.1)
            except Empty:
                if stop is not None and stop.is_set():
                    raise Stopped from None
                if time.monotonic() > deadline:
                    raise
                continue
            if reply["parent_header"].get("msg_id") == request:
                break
        if reply["content"]["status"] != "ok":
            raise RuntimeError(f"preloading the kernel failed: {reply['content'].get('ename')}")


# The last lines put what is loaded so far (the modules, their tables and caches) out of the
# garbage collector's reach: every notebook's reset (reset_cell_source) runs a full collection,
# which otherwise went through all of it, 60 ms a report, and so did the collections that
# pandas' many small objects set off while a notebook ran.
PRELOAD = """\
import importlib, pkgutil
import analysis.pages
for module in pkgutil.iter_modules(analysis.pages.__path__):
    importlib.import_module(f"analysis.pages.{module.name}")
import seaborn
import matplotlib.pyplot as plt
from analysis.charts import svg_text, use_report_style
from analysis.texts import CHARTS
use_report_style()
figure, axes = plt.subplots()
axes.set_title(CHARTS["zh"]["year"])
svg_text(figure)
get_ipython().reset(new_session=True)
import gc
gc.collect()
gc.freeze()
del gc
"""


def shut_down(manager) -> None:
    """Stop a kernel and remove its connection file."""
    from jupyter_core.utils import run_sync

    manager.stop_client()
    if manager.has_kernel:
        _kill_and_reap(manager)
        run_sync(manager.shutdown_kernel)(now=True)
    if manager.transport == "ipc":  # the socket files' own folder (kernel_manager)
        shutil.rmtree(os.path.dirname(manager.ip), ignore_errors=True)


def _kill_and_reap(manager) -> None:
    """Kill the kernel's process (its process group, as jupyter_client does) and wait for its
    end here: jupyter_client would look every 0.1 s whether it has ended, and every run waits
    for its kernels to be gone. What is left (the connection file) is then cleaned up by
    shutdown_kernel, at once."""
    provisioner = manager.provisioner
    process = getattr(provisioner, "process", None)  # jupyter_client's LocalProvisioner
    if process is None:
        return
    try:
        pgid = getattr(provisioner, "pgid", None)  # the kernel's own session (jupyter_client)
        if pgid and hasattr(os, "killpg") and pgid != os.getpgid(0):
            os.killpg(pgid, signal.SIGKILL)
        else:
            process.kill()
    except OSError:  # already gone
        pass
    try:
        process.wait(timeout=5)
    except subprocess.TimeoutExpired:  # left to shutdown_kernel, as before
        return
    # Reaped: its group id may be taken by another process now, so shutdown_kernel, which
    # signals the kernel again, must not signal the group (it signals the process, and a
    # process already reaped gets nothing).
    provisioner.pgid = None


_warm: dict[Path, WarmKernel] = {}


def warm_kernel(cwd: Path) -> WarmKernel:
    """This process's kept kernel for notebooks in `cwd`, started on first use, and again if
    the kept one died while idle (killed for memory, say)."""
    if cwd in _warm and not _alive(_warm[cwd]):
        drop_warm_kernel(cwd)
    if cwd not in _warm:
        if not _warm:  # shut down when this process ends (a pool worker: see worker_started)
            multiprocessing.util.Finalize(None, close_warm_kernels, exitpriority=10)
        _warm[cwd] = WarmKernel(cwd)
    return _warm[cwd]


def _alive(kernel: WarmKernel) -> bool:
    from jupyter_core.utils import run_sync

    try:
        return bool(run_sync(kernel.km.is_alive)())
    except Exception:
        return False


def drop_warm_kernel(cwd: Path) -> None:
    """Shut down the kept kernel of `cwd`, if any (after a failure: it may still be busy). A
    kernel that cannot be shut down cleanly (already gone) is left at that: the failure that
    brought us here is the one to report."""
    if cwd in _warm:
        try:
            _warm.pop(cwd).close()
        except Exception:
            pass


def close_warm_kernels() -> None:
    """Shut down the kernels this process kept (at the end of a run, or of a worker)."""
    while _warm:
        _, kernel = _warm.popitem()
        try:
            kernel.close()
        except Exception:  # already gone
            pass


def _end_worker() -> None:
    """A pool worker's last step, once the pool has told it to stop: its kernels are shut down
    and it leaves at once. Its results went back as each report finished and it holds nothing
    else; a full interpreter shutdown (jupyter_client's and zmq's teardown) would add half a
    second to every run. (A forked worker always leaves this way.)"""
    close_warm_kernels()
    if sys.exc_info()[1] is not None:  # the worker itself failed: multiprocessing reports it
        return
    _remove_ipython_dir()
    logging.shutdown()
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except Exception:
            pass
    os._exit(0)


def worker_started(zygote: str | None = None, cwd: Path | None = None, stop=None) -> None:
    """A pool worker's first step: its kernels are forked by the run's `zygote` (its address),
    if it has one. With `cwd`, it also starts its kernel for notebooks there and preloads it
    while the run is still comparing inputs; a failure here is left for the first notebook to
    meet and report. Once `stop` is set (the run has ended), the preload gives up and the
    kernel goes: a run with nothing to render does not wait for it."""
    global _zygote, _stop
    _zygote, _stop = zygote, stop
    multiprocessing.util.Finalize(None, _end_worker, exitpriority=20)  # before close_warm_kernels
    if cwd is None:
        return
    if zygote is not None:  # what the worker runs notebooks with, loaded while the zygote loads
        _import_papermill()  # (it forks the kernel only once it has loaded)
    try:
        warm_kernel(cwd).preload(meanwhile=_import_papermill, stop=stop)
    except Exception:
        drop_warm_kernel(cwd)
    gc.collect()  # as in the kernel (PRELOAD): what is loaded by now stays, out of the
    gc.freeze()   # collector's way while this worker runs its notebooks


def _import_papermill() -> None:
    import papermill  # noqa: F401 (what a worker runs its notebooks with)


def pool_executor(workers: int, warm: bool, stop=None, zygote: str | None = None
                  ) -> ProcessPoolExecutor:
    """`workers` processes that render reports, on kernels forked by the `zygote` at that
    address if one is given; with `warm`, each starts its kernel and preloads it as soon as it
    is up, until `stop` is set."""
    return ProcessPoolExecutor(
        max_workers=workers, mp_context=SPAWN, initializer=worker_started,
        initargs=(zygote, config.NOTEBOOKS_DIR.resolve(), stop) if warm else (zygote,))


class WarmPool:
    """Worker processes that start their kernel and preload it at once, while the run is still
    loading the plan, building data and comparing inputs: for `update`, run after new data, when
    something is almost always rendered. Used as a context manager; `executor` is None for one
    worker (rendering then happens in this process)."""

    EARLY = 4  # workers started at once; more start when there are more reports to render

    def __init__(self, workers: int = 0):
        self.executor = None
        workers = workers or multiprocessing.cpu_count()
        if workers > 1:
            self.stop = SPAWN.Event()
            self.zygote = zygote()
            address = self.zygote.__enter__()
            self.executor = pool_executor(workers, warm=True, stop=self.stop, zygote=address)
            for _ in range(min(workers, self.EARLY)):  # each submission starts a worker while
                self.executor.submit(int)              # the others are busy starting

    def __enter__(self) -> "WarmPool":
        return self

    def __exit__(self, *exc) -> None:
        if self.executor is not None:
            self.stop.set()  # a worker still preloading had nothing to render: it gives up
            try:
                self.executor.shutdown(wait=True, cancel_futures=True)
            finally:
                self.zygote.__exit__(None, None, None)
