"""The rendering kernels' program: ipykernel's own launcher (ipykernel_launcher), without the
debugger. ipykernel imports debugpy at start whenever it is installed, a tenth of a second in
every kernel, and a report's kernel is never debugged; ipykernel runs without a debugger when
debugpy cannot be imported. (JupyterLab's `cixi-sti` kernel is the ordinary one.)"""

import sys
from pathlib import Path

if __name__ == "__main__":
    sys.modules["debugpy"] = None  # an import of it now fails, as if it were not installed
    # As ipykernel_launcher does: not the working folder on sys.path while the kernel loads
    # (the kernel puts it back).
    if sys.path[0] == "" or Path(sys.path[0]) == Path.cwd():
        del sys.path[0]

    from ipykernel import kernelapp

    kernelapp.launch_new_instance()
