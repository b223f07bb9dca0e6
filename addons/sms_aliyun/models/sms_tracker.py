from odoo import fields, models


class SmsTracker(models.Model):
    _inherit = "sms.tracker"

    sms_aliyun_biz_id = fields.Char(
        string="Aliyun BizId",
        readonly=True,
        index="btree_not_null",
        help="Aliyun's id of the accepted message; its delivery report names it. Kept here as "
        "the SMS itself may be deleted once sent.",
    )
