"""The kernels' zygote (analysis.rendering.zygote): a run's kernels are forked from one process
that loaded what they all load; they run notebooks exactly as a kernel started the ordinary way;
nothing is left behind when the run ends, however it ends; and without a zygote to reach, a
kernel starts the ordinary way."""

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from jupyter_core.utils import run_sync

from analysis import config
from analysis.plan import load_plan
from analysis.rendering import annual_jobs, execute
from analysis.rendering.zygote import ForkedKernel, Unreachable, Zygote, ask, available
from conftest import kernel_prints

pytestmark = pytest.mark.skipif(not available(), reason="no fork on this system: no zygote")

PLAN = load_plan()
CWD = config.NOTEBOOKS_DIR.resolve()


def kernel_with_zygote(address: str):
    """A kernel started by a manager made while `address` is the run's zygote."""
    from analysis.rendering import kernels

    before, kernels._zygote = kernels._zygote, address
    try:
        manager = kernels.kernel_manager()
    finally:
        kernels._zygote = before
    run_sync(manager.start_kernel)(extra_arguments=kernels.kernel_arguments(), cwd=str(CWD))
    return manager


def alive(pid: int) -> bool:
    """Whether the process exists and has not ended (a zombie has ended)."""
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().rsplit(")", 1)[1].split()[0] != "Z"
    except FileNotFoundError:
        return False


def gone_within(pid: int, seconds: float = 10) -> bool:
    deadline = time.monotonic() + seconds
    while alive(pid):
        if time.monotonic() > deadline:
            return False
        time.sleep(0.05)
    return True


@pytest.mark.skipif(not os.path.isdir("/proc"), reason="reads processes from /proc")
def test_a_kernel_forked_by_the_zygote_comes_loaded_and_renders_the_same_bytes():
    """The kernel is the zygote's child, in a session of its own, with pandas and matplotlib
    loaded before any code of the notebook runs; the notebook's outputs are those of a kernel
    started the ordinary way; and when the run ends, the zygote and its kernels go."""
    from analysis.rendering.kernels import (close_warm_kernels, kernel_arguments,
                                            kernel_manager, shut_down, warm_kernel, zygote)

    [job] = annual_jobs(PLAN, [2022], ["en"])
    plain = execute(job.notebook, job.parameters)
    with zygote() as address:
        assert address is not None
        manager = kernel_manager()
        run_sync(manager.start_kernel)(extra_arguments=kernel_arguments(), cwd=str(CWD))
        try:
            process = manager.provisioner.process
            assert isinstance(process, ForkedKernel)
            printed = kernel_prints(manager, "import os, sys; print(os.getppid(), os.getsid(0), "
                                          "'pandas' in sys.modules, "
                                          "'matplotlib.pyplot' in sys.modules, "
                                          "sys.modules.get('debugpy', 0) is None, "
                                          "os.getcwd(), sep='\\n')")
            zygote_pid, session, *loaded, cwd = printed.strip().split("\n")
            assert [session, *loaded, cwd] == [str(process.pid), "True", "True", "True", str(CWD)]
            assert int(zygote_pid) != os.getpid()
        finally:
            shut_down(manager)
        assert not alive(process.pid) and process.returncode == -signal.SIGKILL
        try:
            forked = execute(job.notebook, job.parameters, warm=True)
            kept = warm_kernel(CWD).km.provisioner.process
            assert isinstance(kept, ForkedKernel) and alive(kept.pid)
        except BaseException:
            close_warm_kernels()
            raise
    # The run ended with its kernel still running: the zygote killed it.
    assert not alive(kept.pid)
    close_warm_kernels()
    assert [cell.get("outputs") for cell in forked.cells] == \
        [cell.get("outputs") for cell in plain.cells]


def test_the_zygote_signals_and_reports_only_its_own_living_kernels(tmp_path):
    """The zygote is the kernels' parent: it alone knows when one has ended, so it never
    signals a process id that another process may have taken since; a request for anything but
    a rendering kernel is refused."""
    from analysis.rendering.kernels import kernel_arguments, kernel_manager, shut_down, zygote

    with zygote() as address:
        manager = kernel_manager()
        run_sync(manager.start_kernel)(extra_arguments=kernel_arguments(), cwd=str(CWD))
        process = manager.provisioner.process
        assert process.poll() is None
        process.terminate()
        assert process.wait(timeout=30) == -signal.SIGTERM
        # Reaped: not signalled again (a SIGKILL would have shown as -9), its code kept.
        assert ask(address, {"op": "signal", "pid": process.pid, "signum": 9}) == \
            {"returncode": -signal.SIGTERM}
        assert ask(address, {"op": "poll", "pid": os.getpid()}) == {"returncode": -9}
        with pytest.raises(RuntimeError, match="not a rendering kernel"):
            ask(address, {"op": "start", "argv": [sys.executable, "-c", "pass"],
                          "cwd": str(tmp_path), "env": {}})
        shut_down(manager)
        assert not manager.has_kernel


def test_without_a_zygote_to_reach_a_kernel_starts_the_ordinary_way(tmp_path):
    from analysis.rendering import kernels

    manager = kernel_with_zygote(str(tmp_path / "no-zygote-here"))
    try:
        assert isinstance(manager.provisioner.process, subprocess.Popen)
        assert kernel_prints(manager, "print(6 * 7)").strip() == "42"
    finally:
        kernels.shut_down(manager)


@pytest.mark.skipif(not os.path.isdir("/proc"), reason="reads processes from /proc")
def test_a_run_that_dies_leaves_no_zygote_or_kernel_behind(tmp_path):
    """The run's process killed outright (no clean-up of its own): the zygote sees its input
    end, kills the kernels it forked and leaves."""
    code = """
import os
from jupyter_core.utils import run_sync
from analysis import config
from analysis.rendering.kernels import kernel_arguments, kernel_manager, zygote
with zygote() as address:
    manager = kernel_manager()
    run_sync(manager.start_kernel)(extra_arguments=kernel_arguments(),
                                   cwd=str(config.NOTEBOOKS_DIR.resolve()))
    print(manager.provisioner.process.pid, os.path.dirname(manager.ip), address, flush=True)
    os.kill(os.getpid(), 9)
"""
    out = tmp_path / "out"
    with out.open("w") as stdout:  # not a pipe, which the kernel would hold open
        code = subprocess.run([sys.executable, "-c", code], stdout=stdout,
                              stderr=subprocess.DEVNULL, timeout=120).returncode
    assert code == -signal.SIGKILL
    kernel, sockets, address = out.read_text().split(maxsplit=2)
    shutil.rmtree(sockets)  # the kernel's socket files' folder: the killed run's to remove
    assert gone_within(int(kernel))
    deadline = time.monotonic() + 10  # and its socket's folder goes with the zygote
    while Path(address.strip()).parent.exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not Path(address.strip()).parent.exists()


def test_a_zygote_that_cannot_start_leaves_the_run_to_start_its_kernels(tmp_path):
    """A zygote that fails to start (here: a Python told to look for itself in an empty
    folder) answers no request; the workers start their kernels the ordinary way."""
    from analysis.rendering import kernels

    started = Zygote(CWD, env={"PYTHONHOME": str(tmp_path)})
    try:
        assert started.address is not None
        with pytest.raises(Unreachable):
            ask(started.address, {"op": "poll", "pid": 1}, timeout=30)
        manager = kernel_with_zygote(started.address)
        try:
            assert isinstance(manager.provisioner.process, subprocess.Popen)
        finally:
            kernels.shut_down(manager)
    finally:
        started.close()
    assert started.process is None


def test_a_worker_asks_knowing_when_to_stop_waiting_and_when_to_start_a_kernel_itself(tmp_path):
    """A zygote that is not there: the worker starts its kernel itself (Unreachable). One that
    has the request but has not answered (still loading): the worker gives up once the run has
    ended (Stopped), and otherwise after its timeout with an error, never starting a second
    kernel beside the one the zygote may still fork. One that ends without answering: gone."""
    import socket
    import threading

    from analysis.rendering.zygote import Stopped

    address = str(tmp_path / "socket")
    with pytest.raises(Unreachable):
        ask(address, {"op": "poll", "pid": 1})
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as loading:  # never accepts
        loading.bind(address)
        loading.listen(4)
        ended = threading.Event()
        ended.set()
        with pytest.raises(Stopped):
            ask(address, {"op": "start"}, stop=ended)
        with pytest.raises(RuntimeError, match="did not answer"):
            ask(address, {"op": "start"}, timeout=0.3, stop=threading.Event())
    (tmp_path / "socket").unlink()
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as ending:
        ending.bind(address)
        ending.listen(4)

        def end():
            connection, _ = ending.accept()
            connection.recv(1024)
            connection.close()

        thread = threading.Thread(target=end)
        thread.start()
        with pytest.raises(Unreachable, match="has ended"):
            ask(address, {"op": "poll", "pid": 1}, timeout=30)
        thread.join()


def test_a_kernel_whose_worker_died_is_killed(monkeypatch):
    """A kernel forked for a worker that has died (its process gone) is killed by the zygote,
    as a kernel started by that worker would have ended with it."""
    from analysis.rendering.kernels import kernel_arguments, kernel_manager, shut_down, zygote

    worker = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    with zygote():
        manager = kernel_manager()
        with monkeypatch.context() as patch:
            patch.setattr(os, "getpid", lambda: worker.pid)  # the kernel asked for by `worker`
            run_sync(manager.start_kernel)(extra_arguments=kernel_arguments(), cwd=str(CWD))
        process = manager.provisioner.process
        try:
            assert process.poll() is None
            worker.kill()
            worker.wait()
            assert process.wait(timeout=30) == -signal.SIGKILL
        finally:
            shut_down(manager)
