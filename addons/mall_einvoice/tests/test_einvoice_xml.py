from datetime import datetime
from xml.etree import ElementTree

from odoo.addons.mall_einvoice.lib import amounts, einvoice_xml
from odoo.tests import TransactionCase, tagged

from .common import FapiaoCaseMixin

DATA = {
    "number": "26320000000000000042",
    "red": False,
    "kind": "normal",
    "issue_time": datetime(2026, 11, 22, 9, 30),
    "drawer": "王会计",
    "seller": {"tax_number": "91330100MA2AAAAA0X", "name": "示例商业管理有限公司"},
    "buyer": {"tax_number": "91330106MA2BBBBB1D", "name": "杭州橙森商贸有限公司"},
    "amount": 9174.31,
    "tax": 825.69,
    "total": 10000.0,
    "total_words": "壹万元整",
    "remark": "INV/2026/00001",
    "rent": {
        "region": "浙江省杭州市西湖区",
        "address": "文三路90号 L1-101",
        "date_start": "2026-11-01",
        "date_end": "2026-11-30",
        "cross_city": False,
        "certificate": "",
    },
    "lines": [
        {
            "name": "*经营租赁*商铺租金",
            "quantity": 1,
            "price": 10000,
            "amount": 9174.31,
            "rate": 0.09,
            "tax": 825.69,
            "total": 10000.0,
            "tax_code": "3040502029902000000",
        }
    ],
}


@tagged("post_install", "-at_install")
class TestEinvoiceFiles(FapiaoCaseMixin, TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_fapiao()

    def test_einvoice_xml_carries_header_totals_lines_and_rent(self):
        root = ElementTree.fromstring(einvoice_xml.render(DATA))
        self.assertEqual(root.tag, "EInvoice")
        self.assertEqual(root.findtext("Header/EIid"), "26320000000000000042")
        self.assertEqual(root.findtext("Header/InherentLabel/GeneralOrSpecialVAT"), "普通发票")
        basic = root.find("EInvoiceData/BasicInformation")
        self.assertEqual(basic.findtext("TotalAmWithoutTax"), "9174.31")
        self.assertEqual(basic.findtext("TotalTaxAm"), "825.69")
        self.assertEqual(basic.findtext("TotalTax-includedAmount"), "10000.00")
        self.assertEqual(basic.findtext("TotalTax-includedAmountInChinese"), "壹万元整")
        self.assertEqual(basic.findtext("Drawer"), "王会计")
        item = root.find("EInvoiceData/IssuItemInformation")
        self.assertEqual(item.findtext("ItemName"), "*经营租赁*商铺租金")
        self.assertEqual(item.findtext("TaxRate"), "9%")
        self.assertEqual(item.findtext("TaxClassificationCode"), "3040502029902000000")
        self.assertEqual(
            root.findtext("EInvoiceData/SpecificInformation/LeaseOfRealEstate/RealEstateAddress"),
            "浙江省杭州市西湖区",
        )
        self.assertEqual(root.findtext("TaxSupervisionInfo/InvoiceNumber"), DATA["number"])

    def test_red_xml_names_the_reversed_number(self):
        data = dict(DATA, red=True, blue_number="26320000000000000041", rent=None)
        root = ElementTree.fromstring(einvoice_xml.render(data))
        self.assertEqual(root.findtext("Header/InherentLabel/InIssuType"), "红字发票")
        self.assertIn(
            "26320000000000000041", root.findtext("EInvoiceData/AdditionalInformation/Remark")
        )

    def test_qr_payload_follows_the_published_layout(self):
        self.assertEqual(
            amounts.qr_payload("normal", "24312000000136634917", 1376, datetime(2024, 5, 14)),
            "01,32,,24312000000136634917,1376.00,20240514,,4917",
        )
        self.assertTrue(amounts.qr_payload("special", "1" * 20, 1, None).startswith("01,31,,"))

    def test_preview_is_laid_out_in_chinese(self):
        fapiao = self._issued([(self.service, 2, 500)])
        html, _kind = self.env["ir.actions.report"]._render_qweb_html(
            "mall_einvoice.report_fapiao", fapiao.ids
        )
        html = html.decode()
        self.assertIn(fapiao.number, html)
        self.assertIn("壹仟零陆拾元整", html)
        self.assertIn("*企业管理服务*物业管理费", html)
        self.assertIn("电子发票", html)
        self.assertIn("barcode_type=QR", html)
