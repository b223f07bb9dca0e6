"""The EInvoice XML file of an issued 数电 fapiao (docs/fapiao.md §9).

The official XSD was not available: element names follow the published description. Writer
and its tests live here alone so that the writer can follow the official schema once a user
supplies it. ``render(data)`` takes the neutral dict of ``mall.fapiao._einvoice_data``.
"""

from xml.etree import ElementTree

from .amounts import fen, to_decimal


def _money(value):
    return f"{fen(value):.2f}"


def _rate(value):
    """0.09 → 9%, 0.015 → 1.5%."""
    return f"{(to_decimal(value) * 100).normalize():f}%"


def _add(parent, tag, text=None):
    element = ElementTree.SubElement(parent, tag)
    if text is not None:
        element.text = str(text)
    return element


def render(data):
    """Return the EInvoice XML as UTF-8 bytes."""
    root = ElementTree.Element("EInvoice")
    header = _add(root, "Header")
    _add(header, "EIid", data["number"])
    _add(header, "EInvoiceTag", "SWEI3100")
    _add(header, "Version", "0.1")
    label = _add(header, "InherentLabel")
    _add(label, "InIssuType", "红字发票" if data.get("red") else "蓝字发票").set(
        "code", "1" if data.get("red") else "0"
    )
    _add(label, "EInvoiceType", "电子发票").set("code", "01")
    _add(
        label,
        "GeneralOrSpecialVAT",
        "增值税专用发票" if data["kind"] == "special" else "普通发票",
    ).set("code", "01" if data["kind"] == "special" else "02")
    _add(label, "TaxpayerType", "一般纳税人").set("code", "01")

    invoice = _add(root, "EInvoiceData")
    seller = _add(invoice, "SellerInformation")
    _add(seller, "SellerIdNum", data["seller"]["tax_number"])
    _add(seller, "SellerName", data["seller"]["name"])
    _add(seller, "SellerAddr", data["seller"].get("address", ""))
    _add(seller, "SellerTelNum", data["seller"].get("phone", ""))
    buyer = _add(invoice, "BuyerInformation")
    _add(buyer, "BuyerIdNum", data["buyer"]["tax_number"])
    _add(buyer, "BuyerName", data["buyer"]["name"])
    _add(buyer, "BuyerAddr", data["buyer"].get("address", ""))
    _add(buyer, "BuyerTelNum", data["buyer"].get("phone", ""))
    _add(buyer, "BuyerBankName", data["buyer"].get("bank", ""))
    _add(buyer, "BuyerBankAccNum", data["buyer"].get("account", ""))
    basic = _add(invoice, "BasicInformation")
    _add(basic, "TotalAmWithoutTax", _money(data["amount"]))
    _add(basic, "TotalTaxAm", _money(data["tax"]))
    _add(basic, "TotalTax-includedAmount", _money(data["total"]))
    _add(basic, "TotalTax-includedAmountInChinese", data["total_words"])
    _add(basic, "Drawer", data.get("drawer", ""))
    issue_time = data.get("issue_time")
    _add(basic, "RequestTime", issue_time.strftime("%Y-%m-%d %H:%M:%S") if issue_time else "")
    for line in data["lines"]:
        item = _add(invoice, "IssuItemInformation")
        _add(item, "ItemName", line["name"])
        _add(item, "SpecMod", line.get("spec", ""))
        _add(item, "MeaUnits", line.get("unit", ""))
        _add(item, "Quantity", f"{float(line['quantity']):g}")
        _add(item, "UnPrice", f"{float(line['price']):.8f}".rstrip("0").rstrip("."))
        _add(item, "Amount", _money(line["amount"]))
        _add(item, "TaxRate", _rate(line["rate"]))
        _add(item, "ComTaxAm", _money(line["tax"]))
        _add(item, "TotaltaxIncludedAmount", _money(line["total"]))
        _add(item, "TaxClassificationCode", line.get("tax_code", ""))
    specific = _add(invoice, "SpecificInformation")
    rent = data.get("rent")
    if rent:
        lease = _add(specific, "LeaseOfRealEstate")
        _add(lease, "RealEstateAddress", rent["region"])
        _add(lease, "DetailedAddress", rent["address"])
        _add(lease, "LeaseStartDate", str(rent["date_start"] or ""))
        _add(lease, "LeaseEndDate", str(rent["date_end"] or ""))
        _add(lease, "CrossCitySign", "Y" if rent.get("cross_city") else "N")
        _add(lease, "AreaUnit", "平方米")
        _add(lease, "RealEstateNumber", rent.get("certificate", ""))
    additional = _add(invoice, "AdditionalInformation")
    remark = data.get("remark", "")
    if data.get("red") and data.get("blue_number"):
        remark = f"被红冲蓝字数电发票号码：{data['blue_number']} {remark}".strip()
    _add(additional, "Remark", remark)

    supervision = _add(root, "TaxSupervisionInfo")
    _add(supervision, "InvoiceNumber", data["number"])
    _add(supervision, "IssueTime", issue_time.strftime("%Y-%m-%d %H:%M:%S") if issue_time else "")
    _add(supervision, "TaxBureauCode", data.get("bureau_code", ""))
    _add(supervision, "TaxBureauName", data.get("bureau_name", ""))
    ElementTree.indent(root)
    body = ElementTree.tostring(root, encoding="unicode")
    return ('<?xml version="1.0" encoding="UTF-8"?>\n' + body).encode("utf-8")
