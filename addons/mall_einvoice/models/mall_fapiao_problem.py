from odoo import api, models

ACTIVITY_TYPE = "mall_einvoice.mail_activity_type_fapiao_problem"


class MallFapiao(models.Model):
    """What stops a fapiao, shown to finance as an activity (type 发票问题, data): on the invoice
    when its requests cannot be made, on the request when it cannot be sent or was refused. A
    fapiao problem never blocks a posting or a payment: the requests are made by a queued job
    after them (account_move.py)."""

    _inherit = "mall.fapiao"

    @api.model
    def _problem_user(self, record):
        """Who fixes it: the invoice's salesperson when an internal user, else the first
        finance manager of its company, else the administrator."""
        move = record if record._name == "account.move" else record.move_id
        user = move.invoice_user_id
        if user and not user.share:
            return user
        managers = self.env.ref("mall_leasing.group_finance_manager").sudo().user_ids
        return managers.filtered(lambda manager: move.company_id in manager.company_ids)[
            :1
        ] or self.env.ref("base.user_admin")

    @api.model
    def _problem_activity(self, record, reason):
        """An open activity on ``record`` (an invoice or a request) that says ``reason``; an
        activity still open is updated rather than doubled."""
        record = record.sudo()
        activity_type = self.env.ref(ACTIVITY_TYPE)
        open_activity = record.activity_ids.filtered(
            lambda activity: activity.activity_type_id == activity_type
        )
        if open_activity:
            open_activity.write({"note": reason})
            return open_activity
        return record.activity_schedule(
            ACTIVITY_TYPE,
            note=reason,
            user_id=self._problem_user(record).id,
        )
