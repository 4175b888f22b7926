"""The kernels' zygote: one process that loads what every rendering kernel loads (ipykernel,
pandas, matplotlib, seaborn, the package's pages) once per run, and forks each of the run's
kernels from itself, loaded, instead of each kernel starting Python and loading it all again
(a second of processor time per kernel, on a machine whose cores the run keeps busy).

A run starts it (`Zygote`, the run's own process), and its workers ask it for their kernels
(`ForkedProvisioner`, jupyter_client's way of starting a kernel): "start" forks a kernel, which
then runs exactly as `kernel_main` does (ipykernel without its debugger, in the folder and
environment the worker gives); "poll" and "signal" concern a kernel the zygote forked (it is
their parent, so it alone knows when one has ended, and never signals a process id that another
process may have taken since). A kernel whose worker has died is killed. When the run ends
(its process terminates the zygote, or closes the zygote's input by ending, however it ends),
the zygote kills the kernels it still has and leaves.

A forked kernel starts with the zygote's state as loaded: the same seed for the hashes of its
strings as its sibling's, and the same state of numpy's global random generator (the pages draw
from a generator of their own, seeded: analysis.scenarios). Nothing a report shows depends on
either, as the committed reports, rendered this way and with `--jobs 1`, show byte for byte.

Where the zygote is not used (not Linux: see `available`; one kernel only, `--jobs 1`) or
cannot be reached, a kernel is started the ordinary way. Run as
`python -m analysis.rendering.zygote FD FOLDER`: FD a listening Unix socket it inherits (bound
by the run before the zygote starts, so that a worker can ask at once), in FOLDER, which it
removes when it ends.
"""

from __future__ import annotations

import functools
import json
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
import warnings
from pathlib import Path

KERNEL_MODULE = "analysis.rendering.kernel_main"


# --- in the run's process -----------------------------------------------------------------------

def available() -> bool:
    """Linux only: on macOS a process that has loaded the system's frameworks (numpy's BLAS
    among them) cannot safely fork, and Windows cannot fork at all."""
    return sys.platform.startswith("linux") and hasattr(socket, "AF_UNIX")


class Zygote:
    """The zygote of one run, started at once in `cwd` (the notebooks' folder, where the kernels
    run); `address` is its socket (None where there is no zygote: see `available`). Used as a
    context manager: on leaving, the zygote kills what kernels it still has and ends."""

    def __init__(self, cwd: Path, env: dict | None = None):
        self.address = None
        self.process = None
        if not available():
            return
        self.folder = tempfile.mkdtemp(prefix="analysis-zygote-")  # private (mode 0700)
        address = os.path.join(self.folder, "socket")
        listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        try:
            listener.bind(address)
            listener.listen(64)
            # A session of its own: a Ctrl-C at the terminal reaches the run, which ends it.
            self.process = subprocess.Popen(
                [sys.executable, "-m", __name__, str(listener.fileno()), self.folder],
                cwd=str(cwd), env=env, stdin=subprocess.PIPE, pass_fds=(listener.fileno(),),
                start_new_session=True)
        except OSError:
            self._remove_folder()
            return
        finally:
            listener.close()  # the zygote's copy is the one that accepts
        self.address = address

    def __enter__(self) -> "Zygote":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        """End the zygote (its kernels with it), at once, even while it is still loading (a run
        that had nothing to render), and wait for it."""
        if self.process is not None:
            try:
                self.process.stdin.close()
            except OSError:
                pass
            try:
                self.process.terminate()
            except OSError:
                pass
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
            self.process = None
        self._remove_folder()

    def _remove_folder(self) -> None:
        import shutil

        if getattr(self, "folder", None):
            shutil.rmtree(self.folder, ignore_errors=True)
            self.folder = None


# --- in a worker: a kernel asked of the zygote ---------------------------------------------------

class Unreachable(Exception):
    """The zygote is not there (it failed to start, or has ended): it has not taken the
    request, and never will."""


class Stopped(Exception):
    """The run ended before a worker's preload did: there was nothing (more) to render."""


def ask(address: str, request: dict, timeout: float = 120, stop=None) -> dict:
    """One request to the zygote, its answer (an error it reports is raised here). Unreachable
    if it is not there; a RuntimeError if it has the request but does not answer in `timeout`
    seconds; Stopped once `stop` (an event) is set while waiting."""
    try:
        connection = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        connection.settimeout(timeout)
        connection.connect(address)
    except OSError as exc:
        connection.close()
        raise Unreachable(f"the kernels' zygote at {address}: {exc}") from exc
    with connection:
        deadline = time.monotonic() + timeout
        answer = b""
        try:
            connection.sendall(json.dumps(request).encode("utf-8") + b"\n")
            connection.settimeout(0.05 if stop is not None else timeout)
            while not answer.endswith(b"\n"):
                try:
                    part = connection.recv(65536)
                except socket.timeout:
                    if stop is not None and stop.is_set():
                        raise Stopped from None
                    if time.monotonic() > deadline:
                        raise RuntimeError(f"the kernels' zygote did not answer in {timeout} s")
                    continue
                if not part:  # it has ended without answering: it never will
                    raise Unreachable(f"the kernels' zygote at {address} has ended")
                answer += part
        except (ConnectionResetError, BrokenPipeError) as exc:
            raise Unreachable(f"the kernels' zygote at {address} has ended") from exc
    answer = json.loads(answer)
    if "error" in answer:
        raise RuntimeError(f"the kernels' zygote: {answer['error']}")
    return answer


class ForkedKernel:
    """A kernel the zygote forked, as jupyter_client's provisioner uses a subprocess.Popen."""

    stdin = stdout = stderr = None

    def __init__(self, address: str, pid: int):
        self.address = address
        self.pid = pid
        self.returncode = None

    def poll(self) -> int | None:
        if self.returncode is None:
            try:
                self.returncode = ask(self.address, {"op": "poll", "pid": self.pid})["returncode"]
            except Unreachable:  # the zygote has ended, and its kernels with it
                self.returncode = -signal.SIGKILL
        return self.returncode

    def wait(self, timeout: float | None = None) -> int:
        deadline = None if timeout is None else time.monotonic() + timeout
        while self.poll() is None:
            if deadline is not None and time.monotonic() > deadline:
                raise subprocess.TimeoutExpired(f"kernel {self.pid}", timeout)
            time.sleep(0.005)
        return self.returncode

    def send_signal(self, signum: int) -> None:
        if self.returncode is None:
            try:
                self.returncode = ask(self.address, {"op": "signal", "pid": self.pid,
                                                     "signum": int(signum)})["returncode"]
            except Unreachable:
                self.returncode = -signal.SIGKILL

    def kill(self) -> None:
        self.send_signal(signal.SIGKILL)

    def terminate(self) -> None:
        self.send_signal(signal.SIGTERM)


@functools.cache
def forked_provisioner(address: str):
    """jupyter_client's local provisioner, but the kernel is forked by the zygote at `address`;
    if the zygote is not there, the kernel is started the ordinary way. An instance's `stop`
    (an event, or None) ends the wait for the zygote: see `ask`."""
    from jupyter_client.provisioning import LocalProvisioner

    class ForkedProvisioner(LocalProvisioner):
        stop = None

        async def launch_kernel(self, cmd, **kwargs):
            try:
                pid = ask(address, {"op": "start", "argv": list(cmd), "owner": os.getpid(),
                                    "cwd": str(kwargs.get("cwd") or os.getcwd()),
                                    "env": dict(kwargs.get("env") or os.environ)},
                          stop=self.stop)["pid"]
            except Unreachable:
                return await super().launch_kernel(cmd, **kwargs)
            self.process = ForkedKernel(address, pid)
            self.pid = pid
            self.pgid = None  # signals go through the zygote, which knows whether it still lives
            self.cwd = kwargs.get("cwd", Path.cwd())
            return self.connection_info

    return ForkedProvisioner


# --- the zygote itself ---------------------------------------------------------------------------

def load() -> None:
    """What every rendering kernel loads (kernels.PRELOAD imports the same, then draws), as the
    kernel would: ipykernel without its debugger, matplotlib told of ipykernel's backend as
    ipykernel tells it (the backend itself is loaded in the kernel, by its first figure)."""
    import importlib
    import pkgutil

    sys.modules["debugpy"] = None  # as kernel_main
    told = not os.environ.get("MPLBACKEND")
    if told:  # as ipykernel does before any code of ours runs
        os.environ["MPLBACKEND"] = "module://matplotlib_inline.backend_inline"
    from ipykernel import kernelapp  # noqa: F401
    import ipykernel.ipkernel  # noqa: F401
    import ipykernel.zmqshell  # noqa: F401

    import analysis.pages
    for module in pkgutil.iter_modules(analysis.pages.__path__):
        importlib.import_module(f"analysis.pages.{module.name}")
    import matplotlib.pyplot  # noqa: F401
    import seaborn  # noqa: F401
    if told:
        del os.environ["MPLBACKEND"]  # each kernel's own environment decides


def serve(listener: socket.socket) -> None:
    """Answer the workers' requests until the run ends it (SIGTERM, or its input ends); every
    second, kill the kernels whose worker has died. At the end, kill the kernels still alive."""
    import gc
    import selectors

    children: dict[int, int | None] = {}  # pid → its return code once reaped
    owners: dict[int, int] = {}  # pid → the worker that asked for it
    gc.collect()
    gc.freeze()  # shared with every kernel forked from here, untouched by their collections
    selector = selectors.DefaultSelector()
    selector.register(listener, selectors.EVENT_READ)
    selector.register(sys.stdin.buffer, selectors.EVENT_READ)
    try:
        while True:
            for key, _ in selector.select(timeout=1):
                if key.fileobj is not listener:
                    if not sys.stdin.buffer.read1(4096):  # the run's process has ended
                        return
                    continue
                connection, _ = listener.accept()
                with connection:
                    connection.settimeout(5)  # one silent client holds no one else up
                    try:
                        request = json.loads(connection.makefile("rb").readline() or b"{}")
                        answer = _answer(request, children, owners,
                                         (listener, selector, connection))
                    except Exception as exc:
                        answer = {"error": f"{type(exc).__name__}: {exc}"}
                    try:
                        connection.sendall(json.dumps(answer).encode("utf-8") + b"\n")
                    except OSError:  # the worker has gone: it meets that itself
                        pass
            for pid, owner in list(owners.items()):
                if _reap(children, pid) is not None:
                    del owners[pid]
                elif not _alive(owner):  # its worker died: no one will stop it
                    _signal(pid, signal.SIGKILL)
    finally:
        for pid, code in children.items():
            if code is None:
                _signal(pid, signal.SIGKILL)
        for pid, code in children.items():
            if code is None:
                try:
                    os.waitpid(pid, 0)
                except ChildProcessError:
                    pass


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # there, another user's: not our worker any more, but not ours to judge
        return True
    return True


def _answer(request: dict, children: dict, owners: dict, inherited: tuple) -> dict:
    """The answer to one request; `inherited`: what a forked kernel closes at once."""
    op = request.get("op")
    if op == "start":
        # No SIGTERM between the fork and the kernel's being known, to be killed at the end.
        signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGTERM})
        try:
            pid = _fork_kernel(request["argv"], request["cwd"], request["env"], inherited)
            children[pid] = None
            if request.get("owner"):
                owners[pid] = int(request["owner"])
        finally:
            signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGTERM})
        return {"pid": pid}
    pid = int(request["pid"])
    if pid not in children:  # not one of ours: nothing to wait for, nothing to signal
        return {"returncode": -signal.SIGKILL}
    code = _reap(children, pid)
    if op == "signal" and code is None:  # alive, so its process id is still its own
        _signal(pid, int(request["signum"]))
    elif op not in ("poll", "signal"):
        raise ValueError(f"unknown request {op!r}")
    return {"returncode": code}


def _reap(children: dict, pid: int) -> int | None:
    """The return code of the kernel `pid` (None: still running), collected if it has ended."""
    if children[pid] is None:
        try:
            ended, status = os.waitpid(pid, os.WNOHANG)
        except ChildProcessError:
            ended, status = pid, 0
        if ended:
            children[pid] = os.waitstatus_to_exitcode(status)
    return children[pid]


def _signal(pid: int, signum: int) -> None:
    try:
        os.killpg(pid, signum)  # the kernel's own session (see _fork_kernel), as jupyter_client
    except OSError:
        try:
            os.kill(pid, signum)
        except OSError:
            pass


def _fork_kernel(argv: list[str], cwd: str, env: dict, inherited: tuple) -> int:
    if argv[1:3] != ["-m", KERNEL_MODULE]:
        raise ValueError(f"not a rendering kernel: {argv[:3]}")
    with warnings.catch_warnings():
        # Python 3.12 and newer warn that a process with threads (here: numpy's BLAS) may
        # deadlock in a forked child; the BLAS library resets itself at a fork, and nothing
        # else of the zygote runs in a thread.
        warnings.filterwarnings("ignore", message=r".*use of fork\(\) may lead to deadlocks",
                                category=DeprecationWarning)
        pid = os.fork()
    if pid:
        return pid
    code = 1
    try:  # the kernel: nothing of the zygote's but what it loaded
        signal.signal(signal.SIGTERM, signal.SIG_DFL)  # as a kernel started the ordinary way
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGTERM})
        for thing in inherited:  # the zygote's socket and its selector, the worker's request
            thing.close()
        null = os.open(os.devnull, os.O_RDONLY)
        os.dup2(null, 0)
        os.close(null)
        os.setsid()  # its own session, as jupyter_client starts a kernel
        os.chdir(cwd)
        os.environ.clear()
        os.environ.update(env)
        os.environ["JPY_PARENT_PID"] = str(os.getppid())  # ends if the zygote does
        sys.argv = [str(Path(__file__).with_name("kernel_main.py")), *argv[3:]]
        from ipykernel import kernelapp

        kernelapp.launch_new_instance()
        code = 0
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else 0 if exc.code is None else 1
    except BaseException:
        import traceback

        traceback.print_exc()
    finally:
        try:
            sys.stdout.flush()
            sys.stderr.flush()
        finally:
            os._exit(code)


def _terminated(signum, frame):
    raise SystemExit(0)  # the run has ended: serve's last step kills the kernels


def main() -> None:
    import shutil

    signal.signal(signal.SIGTERM, _terminated)
    listener = socket.socket(fileno=int(sys.argv[1]))
    try:
        # As kernel_main: not the working folder on sys.path while loading (the kernel puts
        # it back).
        if sys.path and (sys.path[0] == "" or Path(sys.path[0]) == Path.cwd()):
            del sys.path[0]
        try:
            load()
        except Exception as exc:  # the workers start their kernels the ordinary way
            print(f"the kernels' zygote could not load ({type(exc).__name__}: {exc}); "
                  "each kernel loads for itself", file=sys.stderr)
            raise SystemExit(1) from None
        serve(listener)
    finally:
        listener.close()
        shutil.rmtree(sys.argv[2], ignore_errors=True)  # where the run's process cannot


if __name__ == "__main__":
    main()
