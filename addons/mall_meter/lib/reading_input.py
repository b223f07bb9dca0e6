"""Checks of meter readings coming from outside (the meter API, the import file): what a row
may hold before anything is looked up or written. Malformed input is refused with a message
naming the field, never turned into a reading (``NaN``, infinities, negative or text values,
booleans, nested structures)."""

import json
import math
import re

from odoo import fields
from odoo.exceptions import ValidationError

# Above this a reading is not a meter's: a typo or an attack (and beyond what the amount of a
# receivable can hold to the fen).
MAX_VALUE = 1e10
# Longest meter or mall code accepted.
MAX_CODE = 64
NUMBER = re.compile(r"^\s*-?\d{1,11}(\.\d{1,6})?\s*$")


def _refuse_constant(name):
    raise ValueError(name)


def _finite_float(text):
    number = float(text)
    if not math.isfinite(number):
        raise ValueError(text)
    return number


def loads(data):
    """JSON without the extensions Python accepts (``NaN``, ``Infinity``) nor numbers
    overflowing to an infinity (``1e309``); ValueError on anything else than strict JSON,
    too deep nesting included."""
    try:
        return json.loads(data, parse_constant=_refuse_constant, parse_float=_finite_float)
    except RecursionError as error:
        raise ValueError("nesting") from error


def parse_code(env, raw, label):
    """A meter or mall code: a string or an integer, at most MAX_CODE characters."""
    if raw is None or raw == "":
        return ""
    if isinstance(raw, bool) or not isinstance(raw, (str, int)):
        raise ValidationError(env._("%(field)s must be text.", field=label))
    code = str(raw).strip()
    try:
        code.encode("utf-8")
    except UnicodeEncodeError as error:
        raise ValidationError(env._("%(field)s must be text.", field=label)) from error
    if len(code) > MAX_CODE:
        raise ValidationError(env._("%(field)s is too long.", field=label))
    return code


def parse_value(env, raw):
    """A reading's value: a finite number from 0 to MAX_VALUE (or its decimal text)."""
    if isinstance(raw, bool) or raw is None:
        raise ValidationError(env._("The value must be a number."))
    if isinstance(raw, str):
        if not NUMBER.match(raw):
            raise ValidationError(env._("The value must be a number."))
        raw = float(raw)
    if not isinstance(raw, (int, float)):
        raise ValidationError(env._("The value must be a number."))
    value = float(raw)
    if not math.isfinite(value):
        raise ValidationError(env._("The value must be a finite number."))
    if value < 0:
        raise ValidationError(env._("A meter reading cannot be negative."))
    if value > MAX_VALUE:
        raise ValidationError(env._("The value is too large for a meter reading."))
    return value


def parse_date(env, raw):
    """A reading's date: a date (or a spreadsheet's datetime), or text YYYY-MM-DD."""
    if isinstance(raw, str):
        raw = raw.strip()
        if len(raw) != 10:
            raise ValidationError(env._("The date must be written YYYY-MM-DD."))
    elif not hasattr(raw, "year"):
        raise ValidationError(env._("The date must be written YYYY-MM-DD."))
    try:
        day = fields.Date.to_date(raw)
    except (TypeError, ValueError) as error:
        raise ValidationError(env._("The date must be written YYYY-MM-DD.")) from error
    if not day or day.year < 2000:
        raise ValidationError(env._("The date must be written YYYY-MM-DD."))
    return day


def parse_row(env, row):
    """(mall code, meter code, date, value) of one row, or ValidationError."""
    if not isinstance(row, dict):
        raise ValidationError(env._("Each reading must be an object {mall, meter, date, value}."))
    mall = parse_code(env, row.get("mall"), env._("The mall code"))
    meter = parse_code(env, row.get("meter"), env._("The meter number"))
    if not meter:
        raise ValidationError(env._("The meter number is missing."))
    return mall, meter, parse_date(env, row.get("date")), parse_value(env, row.get("value"))
