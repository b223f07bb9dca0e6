import json
import os
import subprocess
import sys

import requests

SMS_SIMULATOR = os.path.join(
    os.path.dirname(__file__), *[os.pardir] * 3, "tools", "simulators", "aliyun_sms.py"
)
SIMULATOR_ACCOUNT = {
    "sms_aliyun_access_key_id": "SIMID",
    "sms_aliyun_access_key_secret": "SIMSECRET",
    "sms_aliyun_sign_name": "星光广场",
    "sms_aliyun_template_code": "SMS_000001",
}


class SmsAliyunSimulatorMixin:
    """Starts tools/simulators/aliyun_sms.py (the Aliyun protocol) as its own process for one
    test class and points the company at it. Any addon's tests may mix it in to see the SMS
    their code sends."""

    @classmethod
    def start_sms_simulator(cls, company=None):
        cls.sms_process = subprocess.Popen(
            [
                sys.executable,
                SMS_SIMULATOR,
                "--port",
                "0",
                "--access-key-id",
                "SIMID",
                "--access-key-secret",
                "SIMSECRET",
                "--sign-name",
                "星光广场",
                "--template-code",
                "SMS_000001",
            ],
            stdout=subprocess.PIPE,
            text=True,
        )
        cls.addClassCleanup(cls.stop_sms_simulator)
        line = cls.sms_process.stdout.readline().split()
        assert line[:1] == ["READY"], f"the SMS simulator did not start: {line}"
        cls.sms_url = f"http://127.0.0.1:{line[1]}/"
        (company or cls.env.company).write(
            {"sms_provider": "aliyun", "sms_aliyun_endpoint": cls.sms_url, **SIMULATOR_ACCOUNT}
        )

    @classmethod
    def stop_sms_simulator(cls):
        cls.sms_process.terminate()
        cls.sms_process.wait(timeout=5)
        cls.sms_process.stdout.close()

    def sms_control(self, **control):
        requests.post(
            f"{self.sms_url}_sim/control", data=json.dumps(control), timeout=5
        ).raise_for_status()

    def sms_messages(self):
        """The messages the gateway accepted: [{phone, sign_name, template_code, params,
        out_id, biz_id, send_time}]."""
        return requests.get(f"{self.sms_url}_sim/messages", timeout=5).json()

    def sms_push_report(self, **report):
        """Make the gateway push the delivery report of one accepted message (``out_id``) to
        its report URL; returns Odoo's answer ({status, body})."""
        response = requests.post(f"{self.sms_url}_sim/report", data=json.dumps(report), timeout=60)
        response.raise_for_status()
        return response.json()
