"""Plain-Python helpers of the suite, free of the ORM so that they can be proven alone.

Every mall addon depends on mall_leasing, so what lives here is the one place for the suite's
small truths (money rounding, capital numerals, billing cycles). Addons import them as
``odoo.addons.mall_leasing.lib.<module>``; nothing here imports Odoo models."""
