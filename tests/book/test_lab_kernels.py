"""`make lab`'s kernels start without ipykernel's warning about plain-text TCP traffic.

JupyterLab starts its kernels through jupyter_server's kernel manager, which reads the options
that `make lab` passes on its command line; the test starts a kernel as that manager would, with
those options, and reads the kernel's error stream. With plain-text traffic, the warning is
printed: the check can fail.
"""

from __future__ import annotations

import asyncio
import re
from pathlib import Path

import pytest
import zmq
from traitlets.config import Config

ROOT = Path(__file__).resolve().parents[2]
WARNING = "without encryption"


def lab_options() -> list[str]:
    """The ``--Class.trait=value`` options of the Makefile's `lab` recipe."""
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    recipe = re.search(r"^lab:.*\n((?:\t.*\n)+)", makefile, re.MULTILINE)
    assert recipe, "the Makefile has no `lab` target"
    return re.findall(r"--(\w+\.\w+)=(\S+)", recipe.group(1))


def kernel_stderr(options: list[tuple[str, str]], folder: Path) -> str:
    """What a kernel started by JupyterLab's kernel manager, with ``options``, prints on start."""
    from jupyter_server.services.kernels.kernelmanager import ServerKernelManager

    config = Config()
    for name, value in options:
        section, trait = name.split(".")
        config[section][trait] = value
    folder.mkdir(parents=True, exist_ok=True)
    log = folder / "kernel.err"

    async def start_and_stop() -> None:
        with log.open("w") as stderr:
            manager = ServerKernelManager(config=config, kernel_name="python3")
            await manager.start_kernel(stderr=stderr, cwd=str(folder))
            client = manager.client()
            client.start_channels()
            try:
                await client.wait_for_ready(timeout=120)
            finally:
                client.stop_channels()
                await manager.shutdown_kernel(now=True)

    asyncio.run(start_and_stop())
    return log.read_text(encoding="utf-8")


@pytest.mark.skipif(not zmq.has("curve"), reason="libzmq without CurveZMQ")
def test_lab_kernels_encrypt_their_traffic_and_print_no_warning(tmp_path):
    options = lab_options()
    assert ("KernelManager.transport_encryption", "auto") in options
    assert WARNING not in kernel_stderr(options, tmp_path / "with")
    # The control, with plain-text traffic named explicitly: other tests of the session may have
    # changed the default in this process (tools.build_book.encrypt_kernel_transport).
    assert WARNING in kernel_stderr([("KernelManager.transport_encryption", "disabled")], tmp_path / "without")
