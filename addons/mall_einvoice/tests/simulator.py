"""Start tools/simulators/nuonuo.py as a subprocess on a free port for one test class."""

import json
import os
import subprocess
import sys

import requests

from odoo.addons.mall_einvoice.lib.nuonuo import NuonuoProvider

# The simulator lives in the repository's tools/, beside the addons, never inside one.
SIMULATOR = os.path.join(
    os.path.dirname(__file__), *[os.pardir] * 3, "tools", "simulators", "nuonuo.py"
)
APP_KEY, APP_SECRET, USER_TAX = "SIMKEY", "SIMSECRET", "91330100MA2AAAAA0X"


class SimulatorMixin:
    """setUpClass starts the simulator, tearDownClass stops it."""

    sim_delay = 0.0

    @classmethod
    def start_simulator(cls):
        cls.simulator = subprocess.Popen(
            [
                sys.executable,
                SIMULATOR,
                "--port",
                "0",
                "--app-key",
                APP_KEY,
                "--app-secret",
                APP_SECRET,
                "--delay",
                str(cls.sim_delay),
                "--hang",
                "2",
            ],
            stdout=subprocess.PIPE,
            text=True,
        )
        line = cls.simulator.stdout.readline().split()
        cls.sim_url = f"http://127.0.0.1:{line[1]}"
        cls.addClassCleanup(cls.stop_simulator)

    @classmethod
    def stop_simulator(cls):
        cls.simulator.terminate()
        cls.simulator.wait(timeout=5)
        cls.simulator.stdout.close()

    def sim_control(self, **control):
        return requests.post(
            f"{self.sim_url}/_sim/control", data=json.dumps(control), timeout=30
        ).json()

    def adapter(self, secret=APP_SECRET, timeout=5):
        return NuonuoProvider(self.sim_url, APP_KEY, secret, USER_TAX, timeout=timeout)
