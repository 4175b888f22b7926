"""The rendering kernels' manager (analysis.rendering.kernels.kernel_manager): it hands every
notebook run there the same client, connected once.

nbclient asks each notebook's new client to wait for the kernel: a kernel_info round trip, then
at least 0.2 s draining its output channel, for every report. The kept client waits the first
time only, without the draining, and connects only once the kernel listens. What an earlier
notebook left on the channels cannot be taken for this one's: nbclient matches every reply and
output to its request by message id. Imported by the rendering workers only (jupyter_client is
not a light import).
"""

from __future__ import annotations

import math
import os
import time
from queue import Empty

from jupyter_client import AsyncKernelManager
from jupyter_client.asynchronous import AsyncKernelClient
from traitlets import Type


class KeptClient(AsyncKernelClient):
    """A client whose channels start once and that waits for the kernel once."""

    _ready = False

    def start_channels(self, *args, **kwargs) -> None:
        if not self.channels_running:
            self._wait_for_sockets()
            super().start_channels(*args, **kwargs)

    def _wait_for_sockets(self, timeout: float = 30) -> None:
        """Over socket files (ipc), connect once the kernel has made them all: a socket that
        connects before the kernel is listening tries again only every 0.1 s (zmq's reconnect
        interval), and the kernel's first reply and outputs, missed meanwhile, made the first
        wait for the kernel take 0.3 s longer (jupyter_client waits 0.2 s for an output, then
        asks again). Gives up waiting if the kernel ends, or after `timeout` seconds: the
        ordinary wait then meets what went wrong."""
        if self.transport != "ipc":
            return
        paths = [f"{self.ip}-{port}" for port in (self.shell_port, self.iopub_port,
                                                  self.stdin_port, self.hb_port,
                                                  self.control_port) if port]
        process = getattr(getattr(self.parent, "provisioner", None), "process", None)
        deadline = time.monotonic() + timeout
        looks = 0
        while not all(os.path.exists(path) for path in paths):
            if time.monotonic() > deadline:
                return
            # Whether the kernel has ended, every 50 ms (asking a forked one's zygote).
            if process is not None and looks % 25 == 0 and process.poll() is not None:
                return
            looks += 1
            time.sleep(0.002)

    async def wait_for_ready(self, timeout: float | None = None) -> None:
        """jupyter_client's wait for the kernel (a kernel_info reply, and an output showing
        that the output channel is connected), once, and without its last step: 0.2 s of
        draining the output channel until it falls silent. What is left there is the kernel's
        answer to kernel_info, which nbclient, matching every output to its request, never
        takes for a notebook's."""
        if self._ready:
            return
        deadline = time.monotonic() + (math.inf if timeout is None else timeout)
        while True:
            self.kernel_info()
            try:
                reply = await self.shell_channel.get_msg(timeout=1)
            except Empty:
                pass
            else:
                if reply["msg_type"] == "kernel_info_reply":
                    try:
                        await self.iopub_channel.get_msg(timeout=0.2)
                    except Empty:  # not connected yet: ask again
                        pass
                    else:
                        self._handle_kernel_info_reply(reply)
                        break
            if not await self._async_is_alive():
                raise RuntimeError("Kernel died before replying to kernel_info")
            if time.monotonic() > deadline:
                raise RuntimeError(f"Kernel didn't respond in {timeout} seconds")
        self._ready = True


class KeptClientManager(AsyncKernelManager):
    """A kernel manager whose client() is always the same KeptClient."""

    client_factory = Type(klass=KeptClient)
    _kept: KeptClient | None = None

    def client(self, **kwargs) -> KeptClient:
        if self._kept is None:
            self._kept = super().client(**kwargs)
        return self._kept

    def stop_client(self) -> None:
        if self._kept is not None:
            self._kept.stop_channels()
            self._kept = None
