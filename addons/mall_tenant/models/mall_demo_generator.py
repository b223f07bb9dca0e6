import base64
from datetime import timedelta

from stdnum.cn import uscc

from odoo import api, fields, models

REGIONS = ["310115", "310104", "310101", "110105", "440305", "330106", "320506", "510107"]
CITIES = {"31": "上海", "11": "北京", "44": "深圳", "33": "杭州", "32": "苏州", "51": "成都"}
SURNAMES = "王李张刘陈杨黄赵周吴徐孙马胡朱郭何罗高林"
GIVEN = [
    "伟",
    "芳",
    "娜",
    "敏",
    "静",
    "强",
    "磊",
    "洋",
    "艳",
    "杰",
    "娟",
    "涛",
    "明",
    "超",
    "霞",
    "平",
    "刚",
    "丽",
    "婷",
    "俊",
]
BRAND_HEADS = [
    "悦",
    "禾",
    "云",
    "川",
    "星",
    "初",
    "木",
    "青",
    "鹿",
    "知",
    "拾",
    "遇",
    "半",
    "野",
    "素",
    "潮",
    "米",
    "橙",
    "森",
    "朗",
]
BRAND_TAILS = {
    "retail": (["衣橱", "优品", "良品", "鞋履", "饰界", "生活馆", "眼镜", "美妆"], "商贸"),
    "food": (["小馆", "茶社", "面馆", "烘焙", "火锅", "咖啡", "甜品", "食堂"], "餐饮管理"),
    "entertainment": (["影城", "电玩", "KTV", "剧场", "运动馆"], "文化娱乐"),
    "services": (["理发", "洗衣", "健身", "摄影", "齿科"], "生活服务"),
    "children": (["童趣", "乐园", "早教", "童装"], "教育科技"),
    "anchor": (["超市", "百货", "影院"], "商业连锁"),
}


STREETS = ["世纪大道", "淮海中路", "南京西路", "建国路", "深南大道", "文三路", "星湖街", "天府大道"]
# A one-pixel grey PNG: demo tenants need a licence "scan" on file, not a real picture.
LICENCE_PLACEHOLDER = base64.b64encode(
    bytes.fromhex(
        "89504e470d0a1a0a0000000d4948445200000001000000010800000000"
        "3a7e9b550000000a49444154789c6360000000020001e221bc330000000049454e44ae426082"
    )
)


def _org_code(rng):
    """A 9-character organisation code whose last character is its GB 11714 check digit."""
    body = "".join(rng.choice("0123456789") for _ in range(8))
    total = sum(int(c) * w for c, w in zip(body, (3, 7, 9, 10, 5, 8, 4, 2), strict=True))
    check = 11 - total % 11
    return body + {10: "X", 11: "0"}.get(check, str(check))


def make_uscc(rng):
    """A valid 统一社会信用代码 of an enterprise (registration authority 9, type 1)."""
    head = "91" + rng.choice(REGIONS) + _org_code(rng)
    return head + uscc.calc_check_digit(head)


class MallDemoGenerator(models.AbstractModel):
    _inherit = "mall.demo.generator"

    @api.model
    def _generate_parts(self, ctx):
        result = super()._generate_parts(ctx)
        self._generate_tenants(ctx)
        self._generate_tenant_user(ctx)
        self._generate_credit_scores(ctx)
        return result

    @api.model
    def _generate_tenants(self, ctx):
        rng = self._rng(ctx, "tenants")
        categories = {c.code: c for c in self.env["mall.category"].search([])}
        codes = list(BRAND_TAILS)
        weights = [40, 30, 8, 10, 8, 4]
        today = fields.Date.context_today(self)
        seen_brands, seen_uscc, companies, contacts, brands = set(), set(), [], [], []
        while len(companies) < ctx["params"]["tenants"]:
            code = rng.choices(codes, weights)[0]
            tails, trade = BRAND_TAILS[code]
            brand = rng.choice(BRAND_HEADS) + rng.choice(BRAND_HEADS) + rng.choice(tails)
            number = make_uscc(rng)
            if brand in seen_brands or number in seen_uscc:
                continue
            seen_brands.add(brand)
            seen_uscc.add(number)
            city = CITIES[number[2:4]]
            stage = "active" if rng.random() < 0.9 else "prospect"
            since = today - timedelta(days=rng.randint(30, 8 * 365))
            # most licences run for years or without end (长期); a few lapse within the month
            roll = rng.random()
            expiry = (
                False
                if roll < 0.4
                else today + timedelta(days=rng.randint(-20, 40))
                if roll < 0.5
                else today + timedelta(days=rng.randint(180, 10 * 365))
            )
            has_scan = rng.random() < 0.85
            companies.append(
                {
                    "name": f"{city}{brand[:2]}{trade}有限公司",
                    "is_company": True,
                    "mall_uscc": number,
                    "mall_tenant_stage": stage,
                    "mall_tenant_since": since if stage == "active" else False,
                    "mall_registered_address": (
                        f"{city}市{rng.choice(STREETS)}{rng.randint(1, 999)}号"
                    ),
                    "mall_licence_file": LICENCE_PLACEHOLDER if has_scan else False,
                    "mall_licence_filename": "营业执照.png" if has_scan else False,
                    "mall_licence_expiry": expiry if has_scan else False,
                    "mall_category_id": categories[code].id if code in categories else False,
                    "mall_legal_representative": rng.choice(SURNAMES)
                    + rng.choice(GIVEN)
                    + rng.choice(GIVEN),
                    "city": city,
                    "lang": "zh_CN",
                    "country_id": self.env.ref("base.cn").id,
                }
            )
            brands.append(
                {
                    "name": brand,
                    "category_id": companies[-1]["mall_category_id"],
                    "date_start": since,
                }
            )
            contacts.append(
                {
                    "name": rng.choice(SURNAMES) + rng.choice(GIVEN) + rng.choice(GIVEN),
                    "function": rng.choice(["店长", "财务", "区域经理"]),
                    "phone": f"13{rng.randint(0, 9)}{rng.randint(10000000, 99999999)}",
                    "lang": "zh_CN",
                }
            )
        partners = self.env["res.partner"].with_context(tracking_disable=True)
        tenants = partners.create(companies)
        for tenant, contact in zip(tenants, contacts, strict=True):
            contact["parent_id"] = tenant.id
        partners.create(contacts)
        brand_records = (
            self.env["mall.brand"]
            .with_context(tracking_disable=True)
            .create([{"name": b["name"], "category_id": b["category_id"]} for b in brands])
        )
        self.env["mall.brand.tenancy"].create(
            [
                {"brand_id": record.id, "partner_id": tenant.id, "date_start": b["date_start"]}
                for record, tenant, b in zip(brand_records, tenants, brands, strict=True)
            ]
        )
        ctx["records"]["tenants"] = tenants
        ctx["records"]["brands"] = brand_records
        ctx["summary"]["brands"] = len(brand_records)
        ctx["summary"]["tenants"] = len(tenants)

    @api.model
    def _generate_tenant_user(self, ctx):
        """The demo tenant's portal login (tenant / tenant), a contact of the first tenant and
        its administrator contact (it manages the tenant's other contacts)."""
        users = self.env["res.users"].with_context(no_reset_password=True)
        if users.search_count([("login", "=", "tenant")]) or not ctx["records"].get("tenants"):
            return
        tenant = ctx["records"]["tenants"][0]
        contact = tenant.child_ids[:1]
        contact.mall_portal_admin = True
        users.create(
            {
                "login": "tenant",
                "password": "tenant",
                "partner_id": contact.id,
                "lang": "zh_CN",
                "group_ids": [(6, 0, [self.env.ref("base.group_portal").id])],
            }
        )
        ctx["summary"]["portal_users"] = 1

    @api.model
    def _generate_credit_scores(self, ctx):
        """Grade the demo tenants once, so grades show from the first login."""
        tenants = ctx["records"].get("tenants")
        if tenants:
            scores = self.env["mall.credit.score"]._score_partners(tenants, trigger="scheduled")
            ctx["summary"]["credit_scores"] = len(scores)
