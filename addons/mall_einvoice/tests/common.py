"""A company pointed at a simulator, charge types with their tax classification, a tenant, and
helpers to make posted invoices and wait for the provider."""

import time

import requests

from odoo import Command, fields
from odoo.addons.queue_job.exception import RetryableJobError
from odoo.addons.queue_job.job import Job

from .simulator import APP_KEY, APP_SECRET, USER_TAX, SimulatorMixin

JOB_MODELS = ("mall.fapiao", "account.move")


class FapiaoCaseMixin(SimulatorMixin):
    @classmethod
    def setup_fapiao(cls):
        cls.start_simulator()
        cls.company = cls.env.company
        cls.company.sudo().write(
            {
                "vat": USER_TAX,
                "mall_fapiao_url": cls.sim_url,
                "mall_fapiao_app_key": APP_KEY,
                "mall_fapiao_app_secret": APP_SECRET,
                "mall_fapiao_token": False,
                "mall_fapiao_clerk": "王会计",
                "mall_fapiao_trigger": "manual",
                "mall_fapiao_push": True,
                "mall_fapiao_order_prefix": "T%s" % (cls.__name__[-2:]),
            }
        )
        cls.tax9 = cls.env["account.tax"].create(
            {
                "name": "VAT 9% incl. (fapiao test)",
                "amount": 9,
                "amount_type": "percent",
                "type_tax_use": "sale",
                "price_include_override": "tax_included",
            }
        )
        cls.tax6 = cls.env["account.tax"].create(
            {
                "name": "VAT 6% (fapiao test)",
                "amount": 6,
                "amount_type": "percent",
                "type_tax_use": "sale",
            }
        )
        Product = cls.env["product.product"]
        cls.rent = Product.create({"name": "商铺租金", "taxes_id": [Command.set(cls.tax9.ids)]})
        cls.service = Product.create(
            {"name": "物业管理费", "taxes_id": [Command.set(cls.tax6.ids)]}
        )
        suffix = cls.__name__
        cls.rent_charge, cls.service_charge = cls.env["mall.charge.type"].create(
            [
                {
                    "name": "租金",
                    "code": f"FPRENT-{suffix}",
                    "category": "rent",
                    "product_id": cls.rent.id,
                    "tax_classification_code": "3040502029902000000",
                    "tax_classification_name": "经营租赁",
                },
                {
                    "name": "物业管理费",
                    "code": f"FPSVC-{suffix}",
                    "category": "fee",
                    "product_id": cls.service.id,
                    "tax_classification_code": "3040801010000000000",
                    "tax_classification_name": "企业管理服务",
                },
            ]
        )
        cls.mall = cls.env["mall.mall"].create(
            {
                "name": "西湖广场",
                "code": f"FP{suffix[-4:]}",
                "fapiao_region": "浙江省杭州市西湖区",
                "fapiao_address": "文三路90号",
                "fapiao_certificate": "浙(2020)杭州市不动产权第0012345号",
            }
        )
        cls.tenant = cls.env["res.partner"].create(
            {
                "name": "杭州橙森商贸有限公司",
                "is_company": True,
                "mall_uscc": "91330106MA2BBBBB1D",
                "email": "finance@chengsen.example.com",
            }
        )

    def _invoice(self, lines, partner=None, post=True):
        move = self.env["account.move"].create(
            {
                "move_type": "out_invoice",
                "partner_id": (partner or self.tenant).id,
                "invoice_date": fields.Date.today(),
                "invoice_line_ids": [
                    Command.create(
                        {
                            "product_id": product.id,
                            "quantity": qty,
                            "price_unit": price,
                            "tax_ids": [Command.set(product.taxes_id.ids)],
                        }
                    )
                    for product, qty, price in lines
                ],
            }
        )
        if post:
            move.action_post()
        return move

    def _rent_period(self, fapiao):
        """An invoice made by hand bills no receivable: say where and when, as a clerk would."""
        fapiao.filtered(lambda rec: rec.is_rent and not rec.rent_region).write(
            {
                "rent_region": "浙江省杭州市西湖区",
                "rent_address": "文三路90号 L1-101",
                "rent_date_start": "2026-11-01",
                "rent_date_end": "2026-11-30",
            }
        )

    # queued jobs, run here as the runner has Odoo run them (controllers of queue_job): each
    # in a savepoint, a retryable error postpones it, any other error fails it
    def _jobs(self, method=None, states=("pending",)):
        domain = [("state", "in", states), ("model_name", "in", JOB_MODELS)]
        if method:
            domain.append(("method_name", "=", method))
        return self.env["queue.job"].search(domain, order="id")

    def _run_job(self, record):
        job = Job.load(self.env, record.uuid)
        job.set_started()
        job.store()
        try:
            with self.env.cr.savepoint():
                job.perform()
        except RetryableJobError as error:
            self.env.invalidate_all()
            job.postpone(result=str(error), seconds=error.seconds)
            job.set_pending(reset_retry=False)
            job.store()
            return job
        except Exception as error:  # what the runner does with any other error
            self.env.invalidate_all()
            job.set_failed(exc_name=type(error).__name__, exc_message=str(error), exc_info="")
            job.store()
            return job
        job.set_done()
        job.store()
        return job

    def _run_jobs(self, rounds=60, pause=0.05):
        """Run the pending jobs until none is left (a postponed retry is not waited for)."""
        for _round in range(rounds):
            jobs = self._jobs()
            if not jobs:
                return
            for record in jobs:
                self._run_job(record)
            time.sleep(pause)

    def _sim_stats(self):
        return requests.get(f"{self.sim_url}/_sim/stats", timeout=5).json()

    def _wait_issued(self, fapiao, states=("issued", "failed")):
        """Run the queued sending and checking jobs until the requests are done."""
        for _i in range(60):
            self._run_jobs(rounds=1)
            fapiao.invalidate_recordset()
            if all(state in states for state in fapiao.mapped("state")):
                return
            time.sleep(0.05)

    def _issued(self, lines, partner=None):
        move = self._invoice(lines, partner)
        move.action_mall_request_fapiao()
        fapiao = move.mall_fapiao_ids
        self._rent_period(fapiao)
        fapiao.action_submit()
        self._wait_issued(fapiao)
        self.assertEqual(set(fapiao.mapped("state")), {"issued"})
        return fapiao

    def _pay(self, move):
        self.env["account.payment.register"].with_context(
            active_model="account.move", active_ids=move.ids
        ).create({})._create_payments()
