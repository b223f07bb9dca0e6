from collections import defaultdict

from odoo import models

from ..lib.aliyun_sms import AliyunSmsApi


class SmsSms(models.Model):
    _inherit = "sms.sms"

    def _split_by_api(self):
        """SMS of companies using the Chinese gateway go through its adapter; the others
        keep Odoo's path."""
        by_company = defaultdict(lambda: self.browse())
        for sms in self:
            by_company[sms._get_sms_company()] |= sms
        rest = self.browse()
        for company, company_sms in by_company.items():
            if company.mall_sms_provider == "aliyun":
                api = AliyunSmsApi(self.env)
                api._set_company(company)
                yield api, company_sms
            else:
                rest |= company_sms
        if rest:
            yield from super(SmsSms, rest)._split_by_api()
