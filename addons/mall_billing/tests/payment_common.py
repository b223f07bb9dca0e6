from datetime import date

from odoo import Command


class LeaseInvoiceMixin:
    """Leases in force and posted bills for them, made directly: these tests do not wait for
    the billing run. Use from a TransactionCase or HttpCase ``setUpClass``."""

    @classmethod
    def _setup_mall(cls, code="PAY"):
        cls.mall = cls.env["mall.mall"].create({"name": f"{code}广场", "code": code})
        cls.floor = cls.env["mall.floor"].create({"name": "1F", "level": 1, "mall_id": cls.mall.id})
        cls.units = cls.env["mall.unit"].create(
            [
                {
                    "code": f"{code}-{index}",
                    "mall_id": cls.mall.id,
                    "floor_id": cls.floor.id,
                    "gross_area": 120.0,
                    "leasable_area": 100.0,
                    "usable_area": 90.0,
                }
                for index in range(1, 4)
            ]
        )

    @classmethod
    def _tenant(cls, name, login=None):
        tenant = cls.env["res.partner"].create({"name": name, "is_company": True})
        if login:
            contact = cls.env["res.partner"].create(
                {"name": f"{name}联系人", "parent_id": tenant.id, "email": f"{login}@example.com"}
            )
            cls.env["res.users"].with_context(no_reset_password=True).create(
                {
                    "login": login,
                    "password": f"{login}-pw1",
                    "name": contact.name,
                    "partner_id": contact.id,
                    "group_ids": [(6, 0, [cls.env.ref("base.group_portal").id])],
                }
            )
        return tenant

    @classmethod
    def _active_lease(cls, tenant, unit, price=200.0, **vals):
        return cls.env["mall.lease"]._demo_create_active(
            [
                {
                    "mall_id": cls.mall.id,
                    "tenant_id": tenant.id,
                    "date_start": date(2025, 1, 1),
                    "date_end": date(2027, 12, 31),
                    "line_ids": [Command.create({"unit_id": unit.id, "price": price})],
                    **vals,
                }
            ]
        )

    @classmethod
    def _bill(
        cls, lease, lines, invoice_date=date(2026, 1, 1), due=date(2026, 1, 5), untaxed=False
    ):
        """A posted customer invoice of ``lease``: ``lines`` are (charge code, amount) pairs,
        deposits on their liability account without tax, as the billing run does."""
        charges = {c.code: c for c in cls.env["mall.charge.type"].search([])}
        line_vals = []
        for code, amount in lines:
            charge = charges[code]
            vals = {
                "product_id": charge.product_id.id,
                "name": charge.name,
                "quantity": 1,
                "price_unit": amount,
                "tax_ids": [(6, 0, [] if untaxed else charge._get_sale_tax().ids)],
            }
            if charge.is_deposit:
                vals["account_id"] = charge._get_deposit_account().id
            line_vals.append(Command.create(vals))
        move = cls.env["account.move"].create(
            {
                "move_type": "out_invoice",
                "partner_id": lease.tenant_id.id,
                "mall_lease_id": lease.id,
                "invoice_date": invoice_date,
                "invoice_date_due": due,
                "invoice_line_ids": line_vals,
            }
        )
        move.action_post()
        return move

    @classmethod
    def _pay(cls, moves, pay_date=date(2026, 1, 3), amount=None):
        vals = {"payment_date": pay_date}
        if amount is not None:
            vals["amount"] = amount
        return (
            cls.env["account.payment.register"]
            .with_context(active_model="account.move", active_ids=moves.ids)
            .create(vals)
            ._create_payments()
        )
