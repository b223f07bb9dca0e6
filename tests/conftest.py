"""Repo-level tests: lint, install checks, translations, the ./mall command and Docker Compose.

They run in the same pytest session as the addons' tests (pytest-odoo has loaded Odoo and the
test database); the helpers below reach the set-up code of ./mall."""

import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "tools"))
