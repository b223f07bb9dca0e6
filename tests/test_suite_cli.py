"""The ./mall command as a newcomer meets it: usage, errors that say what to do, Docker Compose."""

import os
import shutil
import socket
import subprocess

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
MALL = os.path.join(ROOT, "mall")


def _mall(*args):
    return subprocess.run(
        [MALL, *args], cwd=ROOT, capture_output=True, text=True, timeout=60, check=False
    )


def test_unknown_command_prints_usage_and_exits_2():
    proc = _mall("fly")
    assert proc.returncode == 2
    assert "unknown command 'fly'" in proc.stderr
    assert "usage: ./mall COMMAND" in proc.stderr


def test_run_on_a_busy_port_says_so():
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        proc = _mall("run", "--port", str(port))
    assert proc.returncode == 1
    assert f"port {port} is already in use" in proc.stderr
    assert f"--port {port + 1}" in proc.stderr


def test_bench_lists_its_benchmarks_without_running_them():
    # Running them takes minutes and databases of their own: ./mall bench is not a unit test.
    proc = _mall("bench", "--list")
    assert proc.returncode == 0
    assert "billing" in proc.stdout


def test_unknown_benchmark_is_refused_before_any_setup():
    proc = _mall("bench", "nothing-like-this")
    assert proc.returncode == 2
    assert "unknown benchmark nothing-like-this" in proc.stderr


def _compose():
    if (
        shutil.which("docker")
        and subprocess.run(
            ["docker", "compose", "version"], capture_output=True, check=False
        ).returncode
        == 0
    ):
        return ["docker", "compose"]
    if shutil.which("docker-compose"):
        return ["docker-compose"]
    return None


@pytest.mark.skipif(_compose() is None, reason="no docker compose client on this machine")
def test_docker_compose_file_is_valid():
    proc = subprocess.run(
        [*_compose(), "-f", "docker-compose.yml", "config"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    assert "odoo:19" in proc.stdout and "postgres:16" in proc.stdout
    assert "/mnt/mall-addons" in proc.stdout


def test_a_demo_database_of_an_older_addon_layout_is_rebuilt_not_upgraded(monkeypatch):
    """Odoo cannot move a model's rows between modules in an upgrade: a mall_demo that still
    has the old mall_billing without the addons cut out of it is set aside and built anew."""
    from mallctl import databases, system

    old = {
        "mall_leasing": "installed",
        "mall_billing": "installed",
        "mall_old": "installed",
        "sale": "installed",
        "mall_unused": "uninstalled",
    }
    monkeypatch.setattr(system, "module_states", lambda db: old)
    assert databases._layout_changed("mall_demo", ["mall_leasing", "mall_billing", "mall_meter"])
    monkeypatch.setattr(
        system,
        "module_states",
        lambda db: {
            "mall_leasing": "installed",
            "mall_billing": "installed",
            "sale": "installed",
            "mall_unused": "uninstalled",
        },
    )
    assert not databases._layout_changed("mall_demo", ["mall_leasing", "mall_billing"])
