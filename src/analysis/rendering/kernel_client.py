"""The rendering kernels' manager (analysis.rendering.kernels.kernel_manager): it hands every
notebook run there the same client, connected once.

nbclient asks each notebook's new client to wait for the kernel: a kernel_info round trip, then
at least 0.2 s draining its output channel, for every report. The kept client waits the first
time only. What an earlier notebook left on the channels cannot be taken for this one's: nbclient
matches every reply and output to its request by message id. Imported by the rendering workers
only (jupyter_client is not a light import).
"""

from __future__ import annotations

from jupyter_client import AsyncKernelManager
from jupyter_client.asynchronous import AsyncKernelClient
from jupyter_client.client import KernelClient
from traitlets import Type


class KeptClient(AsyncKernelClient):
    """A client whose channels start once and that waits for the kernel once."""

    _ready = False

    def start_channels(self, *args, **kwargs) -> None:
        if not self.channels_running:
            super().start_channels(*args, **kwargs)

    async def wait_for_ready(self, timeout: float | None = None) -> None:
        if not self._ready:
            await KernelClient._async_wait_for_ready(self, timeout)
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
