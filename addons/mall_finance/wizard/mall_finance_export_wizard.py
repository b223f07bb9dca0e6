import base64
import csv
import io

import xlsxwriter

from odoo import _, api, fields, models
from odoo.exceptions import UserError
from odoo.tools import date_utils

from ..models.mall_finance_export import (
    INVOICE_COLUMNS,
    INVOICE_LINE_COLUMNS,
    LABELS,
    PAYMENT_COLUMNS,
)

# A text cell starting with one of these is a formula to a spreadsheet (CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value):
    """``value`` as a spreadsheet shows it as text: a string that a spreadsheet would run as a
    formula gets a leading apostrophe; numbers and dates are left as they are."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


class MallFinanceExportWizard(models.TransientModel):
    """Export tenant invoices, invoice lines or payments of a date range to CSV (UTF-8 with
    a byte-order mark, so that Excel opens Chinese text right) or XLSX.

    Kept apart from the web client's export helpers (``web.controllers.export``): those need
    an HTTP request, write XLSX strings that a leading ``=`` turns into formulas and escape
    no ``@``; these rows are not records but the finance system's columns."""

    _name = "mall.finance.export.wizard"
    _description = "Export Invoices and Payments"

    date_from = fields.Date(
        string="From",
        required=True,
        default=lambda self: date_utils.start_of(fields.Date.context_today(self), "month"),
    )
    date_to = fields.Date(
        string="To",
        required=True,
        default=lambda self: date_utils.end_of(fields.Date.context_today(self), "month"),
    )
    content = fields.Selection(
        [
            ("invoices", "Invoices"),
            ("invoice_lines", "Invoice Lines"),
            ("payments", "Payments"),
        ],
        required=True,
        default="invoices",
    )
    file_format = fields.Selection(
        [("xlsx", "Excel (XLSX)"), ("csv", "CSV")], string="Format", required=True, default="xlsx"
    )
    file_data = fields.Binary(string="File", readonly=True, attachment=False)
    file_name = fields.Char(readonly=True)

    @api.model
    def _columns_and_rows(self, content, date_from, date_to):
        exporter = self.env["mall.finance.export"]
        if content == "payments":
            payments = self.env["account.payment"].search(
                exporter._payment_domain(date_from, date_to), order="date, id"
            )
            return PAYMENT_COLUMNS, exporter._payment_rows(payments)
        invoices = self.env["account.move"].search(
            exporter._invoice_domain(date_from, date_to), order="invoice_date, name, id"
        )
        if content == "invoice_lines":
            return INVOICE_LINE_COLUMNS, exporter._invoice_line_rows(invoices)
        return INVOICE_COLUMNS, exporter._invoice_rows(invoices)

    def _render(self, columns, rows):
        labels = [str(LABELS[key]) for key in columns]
        table = [[spreadsheet_safe(row[key]) for key in columns] for row in rows]
        if self.file_format == "csv":
            buffer = io.StringIO()
            csv.writer(buffer).writerows([labels, *table])
            return buffer.getvalue().encode("utf-8-sig")
        buffer = io.BytesIO()
        # no text cell ever becomes a formula, whatever it starts with
        workbook = xlsxwriter.Workbook(buffer, {"in_memory": True, "strings_to_formulas": False})
        sheet = workbook.add_worksheet(self._content_label()[:31])
        money = workbook.add_format({"num_format": "#,##0.00"})
        sheet.write_row(0, 0, labels, workbook.add_format({"bold": True}))
        for index, values in enumerate(table, start=1):
            for col, value in enumerate(values):
                sheet.write(index, col, value, money if isinstance(value, float) else None)
        sheet.set_column(0, len(columns) - 1, 16)
        sheet.freeze_panes(1, 0)
        workbook.close()
        return buffer.getvalue()

    def _content_label(self):
        return dict(self._fields["content"]._description_selection(self.env))[self.content]

    def action_export(self):
        """Build the file and offer it for download."""
        self.ensure_one()
        columns, rows = self._columns_and_rows(self.content, self.date_from, self.date_to)
        if not rows:
            raise UserError(
                _(
                    "Nothing to export between %(start)s and %(end)s.",
                    start=self.date_from,
                    end=self.date_to,
                )
            )
        data = self._render(columns, rows)
        self.write(
            {
                "file_data": base64.b64encode(data),
                "file_name": f"{self.content}_{self.date_from}_{self.date_to}.{self.file_format}",
            }
        )
        return {
            "type": "ir.actions.act_url",
            "target": "self",
            "url": f"/web/content/{self._name}/{self.id}/file_data/{self.file_name}?download=true",
        }
