from collections import defaultdict
from datetime import timedelta

from dateutil.relativedelta import relativedelta

from odoo import Command, api, fields, models

# How tenants pay in the demo: most on time, some late, a few not at all.
PAYMENT_HABITS = [("on_time", 0.7), ("late", 0.2), ("never", 0.1)]


class MallDemoGenerator(models.AbstractModel):
    _inherit = "mall.demo.generator"

    @api.model
    def _generate_parts(self, ctx):
        result = super()._generate_parts(ctx)
        self._generate_billing(ctx)
        self._generate_payments(ctx)
        return result

    @api.model
    def _generate_billing(self, ctx):
        """The demo mall went live on billing two months ago: the leases' schedule from then
        on and the two past months billed (meter readings too); this month is left for
        finance to bill. Payments follow in ``_generate_payments``."""
        leases = ctx["records"].get("leases")
        if not leases:
            return
        today = fields.Date.context_today(self)
        first = today.replace(day=1) - relativedelta(months=2)
        self.env.company.mall_billing_start_date = first
        leases._sync_receivables()
        Run = self.env["mall.billing.run"].with_context(tracking_disable=True)
        invoices = 0
        for month in (first, first + relativedelta(months=1)):
            run = Run.create({"period": month})
            run.action_preview()
            run.state = "running"
            run._execute()
            invoices += len(run.move_ids)
        ctx["summary"].update(receivables=len(leases.receivable_ids), invoices=invoices)

    @api.model
    def _generate_payments(self, ctx):
        """The demo provider for the portal, the lease deposits invoiced when the billing
        demo did not, and the tenants' payments of the bills fallen due: on time, late or
        not at all, so that the collection rate, the aging and the credit grades show
        something."""
        self.env.ref("payment.payment_provider_demo").write({"state": "test", "is_published": True})
        leases = ctx["records"].get("leases")
        if not leases:
            return
        rng = self._rng(ctx, "payments")
        Move = self.env["account.move"].with_context(
            tracking_disable=True, mail_create_nolog=True, mail_notrack=True
        )
        deposit_products = leases._deposit_products()
        billed = Move.search(
            [
                ("mall_lease_id", "in", leases.ids),
                ("invoice_line_ids.product_id", "in", deposit_products.ids),
            ]
        )
        # the billing demo may bill the deposits itself; otherwise bill them here
        deposits = billed or self._demo_deposit_invoices(leases)
        today = fields.Date.context_today(self)
        habits = {
            tenant: rng.choices([h for h, _w in PAYMENT_HABITS], [w for _h, w in PAYMENT_HABITS])[0]
            for tenant in leases.tenant_id
        }
        open_bills = Move.search(
            [
                ("mall_lease_id", "in", leases.ids),
                ("state", "=", "posted"),
                ("move_type", "=", "out_invoice"),
                ("payment_state", "=", "not_paid"),
                ("invoice_date_due", "<", today),
            ]
        )
        by_date = defaultdict(lambda: self.env["account.move"])
        for bill in open_bills:
            habit = habits[bill.partner_id.commercial_partner_id]
            if bill in deposits:
                habit = "on_time"  # no key without the deposit
            if habit == "never" or (habit == "late" and rng.random() < 0.3):
                continue
            delay = -rng.randint(0, 3) if habit == "on_time" else rng.randint(5, 45)
            pay_date = min(bill.invoice_date_due + timedelta(days=delay), today)
            by_date[max(pay_date, bill.invoice_date)] |= bill
        payments = self.env["account.payment"]
        for pay_date, bills in sorted(by_date.items()):
            payments |= (
                self.env["account.payment.register"]
                .with_context(
                    active_model="account.move",
                    active_ids=bills.ids,
                    tracking_disable=True,
                    mail_create_nolog=True,
                    mail_notrack=True,
                )
                .create({"payment_date": pay_date})
                ._create_payments()
            )
        ctx["summary"].update(deposit_invoices=len(deposits), payments=len(payments))

    @api.model
    def _demo_deposit_invoices(self, leases):
        """A posted lease-deposit invoice per lease, dated on its start, on the deposit
        liability account."""
        charge = self.env.ref("mall_billing.charge_type_deposit_lease")
        account = charge._get_deposit_account()
        vals_list = [
            {
                "move_type": "out_invoice",
                "partner_id": lease.tenant_id.id,
                "mall_lease_id": lease.id,
                "invoice_date": lease.date_start,
                "invoice_date_due": lease.date_start,
                "invoice_line_ids": [
                    Command.create(
                        {
                            "product_id": charge.product_id.id,
                            "name": charge.name,
                            "quantity": 1,
                            "price_unit": lease.deposit_lease,
                            "account_id": account.id,
                            "tax_ids": [Command.clear()],
                        }
                    )
                ],
            }
            for lease in leases
            if lease.deposit_lease > 0
        ]
        moves = (
            self.env["account.move"]
            .with_context(tracking_disable=True, mail_create_nolog=True)
            .create(vals_list)
        )
        moves.action_post()
        return moves
