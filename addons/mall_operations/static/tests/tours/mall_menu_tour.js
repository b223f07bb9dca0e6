import { registry } from "@web/core/registry";
import { stepUtils } from "@web_tour/tour_utils";

// The admin opens 商场管理 and finds a sub-menu for each of the eight addons.
const SECTIONS = [
    "mall_leasing.menu_leasing",
    "mall_tenant.menu_tenant",
    "mall_contract.menu_contract",
    "mall_billing.menu_billing",
    "mall_einvoice.menu_einvoice",
    "mall_renovation.menu_renovation",
    "mall_helpdesk.menu_helpdesk",
    "mall_operations.menu_operations",
];

registry.category("web_tour.tours").add("mall_menu_tour", {
    url: "/odoo",
    steps: () => [
        stepUtils.showAppsMenuItem(),
        {
            content: "Open the 商场管理 app",
            trigger: '.o_app[data-menu-xmlid="mall_leasing.menu_mall_root"]:contains("商场管理")',
            run: "click",
        },
        ...SECTIONS.map((xmlid) => ({
            content: `The app shows the section ${xmlid}`,
            trigger: `.o_menu_sections [data-menu-xmlid="${xmlid}"]`,
        })),
    ],
});
