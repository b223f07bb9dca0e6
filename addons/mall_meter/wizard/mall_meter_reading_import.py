import base64
import csv
import io

from odoo import _, fields, models
from odoo.exceptions import UserError

COLUMNS = ("meter", "date", "value")
# Optional column: the mall code, needed when a meter number is used in several malls.
MALL_COLUMN = "mall"
# Largest file read.
MAX_FILE = 10 * 1024 * 1024


class MallMeterReadingImport(models.TransientModel):
    """Import meter readings from a CSV or XLSX file with the columns meter (meter number),
    date and value, and mall (mall code) where a meter number is used in several malls. All
    or nothing: if a line is wrong, nothing is imported and every wrong line is reported."""

    _name = "mall.meter.reading.import"
    _description = "Import Meter Readings"

    file = fields.Binary(required=True)
    filename = fields.Char()

    def _parse(self):
        self.ensure_one()
        if len(self.file or b"") > MAX_FILE * 4 // 3 + 4:
            raise UserError(_("The file is larger than %(size)s MB.", size=MAX_FILE // 1024**2))
        try:
            data = base64.b64decode(self.file or b"", validate=False)
        except ValueError as error:
            raise UserError(_("The file could not be read.")) from error
        name = (self.filename or "").lower()
        if name.endswith(".xlsx"):
            try:
                import openpyxl  # optional, only for spreadsheets
            except ImportError as error:
                raise UserError(_("Reading XLSX files needs the openpyxl library.")) from error
            try:
                sheet = openpyxl.load_workbook(io.BytesIO(data), read_only=True).active
                table = [list(row) for row in sheet.iter_rows(values_only=True)]
            except Exception as error:
                raise UserError(_("The file is not a valid XLSX spreadsheet.")) from error
        else:
            try:
                text = data.decode("utf-8-sig")
            except UnicodeDecodeError:
                text = data.decode("gb18030", errors="replace")
            table = list(csv.reader(io.StringIO(text)))
        table = [row for row in table if row and any(cell not in (None, "") for cell in row)]
        if not table:
            raise UserError(_("The file is empty."))
        header = [str(cell or "").strip().lower() for cell in table[0]]
        if not set(COLUMNS) <= set(header):
            raise UserError(_("The first line must name the columns meter, date and value."))
        columns = COLUMNS + ((MALL_COLUMN,) if MALL_COLUMN in header else ())
        index = {column: header.index(column) for column in columns}
        return [
            {column: row[index[column]] if index[column] < len(row) else None for column in columns}
            for row in table[1:]
        ]

    def action_import(self):
        """Import the readings; show how many were imported and how many are flagged."""
        self.ensure_one()
        rows = self._parse()
        Reading = self.env["mall.meter.reading"]
        with self.env.cr.savepoint() as savepoint:
            results = Reading._import_rows(rows)
            errors = [r for r in results if r["status"] == "error"]
            if errors:
                savepoint.rollback()
        if errors:
            lines = []
            for r in errors:  # not in a generator: _() finds its language in this frame
                lines.append(
                    _("Line %(line)s: %(message)s", line=r["line"] + 1, message=r["message"])
                )
            raise UserError(
                _("Nothing was imported. Wrong lines:\n%(lines)s", lines="\n".join(lines))
            )
        flagged = sum(1 for r in results if r["status"] == "flagged")
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "title": _("Meter readings imported"),
                "message": _(
                    "%(count)s readings imported, %(flagged)s flagged for review.",
                    count=len(results),
                    flagged=flagged,
                ),
                "type": "warning" if flagged else "success",
                "next": {"type": "ir.actions.act_window_close"},
            },
        }
