import io
import unicodedata

from PyPDF2 import PdfReader

from odoo import Command
from odoo.addons.mall_billing.tests.common import BillingCase


def pdf_text(pdf):
    """The text of a PDF without whitespace (wkhtmltopdf splits lines anywhere). The CJK font
    draws some ideographs with the glyph of a radical, which the extraction reads back as the
    radical (⽬ for 目, ⻆ for 角): map them back."""
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    text = unicodedata.normalize("NFKC", text).replace("\u2ec6", "角")
    return "".join(text.split())


class NoticeCase(BillingCase):
    """Two Chinese tenants with leases and portal contacts; posted invoices are made here so
    that the tests do not depend on the billing run."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.rent = cls.env.ref("mall_billing.charge_type_rent")
        cls.property_fee = cls.env.ref("mall_billing.charge_type_property")
        cls.deposit = cls.env.ref("mall_billing.charge_type_deposit_lease")
        cls.tenant = cls.env["res.partner"].create(
            {
                "name": "上海星光餐饮管理有限公司",
                "is_company": True,
                "lang": "zh_CN",
                "email": "finance@xingguang.example.com",
                "phone": "+86 138 0013 8000",
            }
        )
        cls.contact = cls.env["res.partner"].create(
            {
                "name": "王小明",
                "parent_id": cls.tenant.id,
                "email": "wang@example.com",
                "lang": "zh_CN",
            }
        )
        cls.other_tenant = cls.env["res.partner"].create(
            {
                "name": "北京月亮服饰有限公司",
                "is_company": True,
                "lang": "zh_CN",
                "email": "li@example.com",
            }
        )
        cls.other_contact = cls.env["res.partner"].create(
            {"name": "李雷", "parent_id": cls.other_tenant.id, "email": "li@example.com"}
        )
        cls.lease = cls._make_lease(cls.tenant, cls.units[0])
        cls.other_lease = cls._make_lease(cls.other_tenant, cls.units[1])
        cls.env.company.partner_id.bank_ids = [
            Command.create(
                {
                    "acc_number": "6222 0210 0100 1234 567",
                    "partner_id": cls.env.company.partner_id.id,
                }
            )
        ]

    def _run_dunning(self, day):
        """Run the daily late-fee and reminder job for ``day`` as the scheduler runs it: in its
        own cursor (here one that shares the test's transaction), committing tenant by tenant
        through ``_commit_progress``."""
        cron = self.env.ref("mall_dunning.ir_cron_mall_dunning")
        cron.code = (
            f"model._cron_mall_dunning(today=datetime.date({day.year}, {day.month}, {day.day}))"
        )
        with self.enter_registry_test_mode():
            cron.method_direct_trigger()
        self.env.invalidate_all()

    @classmethod
    def _make_lease(cls, tenant, unit, **vals):
        return cls.env["mall.lease"].create(
            {
                "mall_id": cls.mall.id,
                "tenant_id": tenant.id,
                "template_id": cls.env.ref("mall_contract.lease_template_standard").id,
                "date_start": "2025-01-01",
                "date_end": "2027-12-31",
                "line_ids": [Command.create({"unit_id": unit.id, "price": 100.0})],
                "late_fee_rate": 0.05,
                "late_fee_grace_days": 5,
                "late_fee_cap": 30.0,
                **vals,
            }
        )

    @classmethod
    def _invoice(cls, lease, due, lines, invoice_date=None):
        """A posted invoice of the lease: ``lines`` is [(charge type, amount tax included)]."""
        move = cls.env["account.move"].create(
            {
                "move_type": "out_invoice",
                "partner_id": lease.tenant_id.id,
                "invoice_date": invoice_date or due,
                "invoice_date_due": due,
                "mall_lease_id": lease.id,
                "invoice_line_ids": [
                    Command.create(
                        {
                            "product_id": charge.product_id.id,
                            "name": charge.name,
                            "quantity": 1,
                            "price_unit": amount,
                            "tax_ids": [Command.clear()],
                        }
                    )
                    for charge, amount in lines
                ],
            }
        )
        move.invoice_date_due = due
        move.action_post()
        return move

    @classmethod
    def _pay(cls, move, amount, date):
        cls.env["account.payment.register"].with_context(
            active_model="account.move", active_ids=move.ids
        ).create({"amount": amount, "payment_date": date})._create_payments()
