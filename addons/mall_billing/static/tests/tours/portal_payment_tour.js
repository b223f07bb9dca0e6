import { registry } from "@web/core/registry";

// A tenant opens its bills in the portal and pays the open one with the demo provider.
registry.category("web_tour.tours").add("mall_billing_portal_payment_tour", {
    steps: () => [
        {
            content: "The tenant's bills are listed; open the one to pay",
            trigger: "a.btn-primary[href*='payment=True']",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "Enter the demo card number",
            trigger: "#customer_input",
            run: "edit 4242",
        },
        {
            // Odoo's zh_CN translation of the demo form translates the option values too
            // ("完成" instead of "done"), which the demo provider then reads as an error.
            content: "Simulate a successful payment",
            trigger: "#simulated_payment_state",
            run() {
                this.anchor.options[0].value = "done";
                this.anchor.selectedIndex = 0;
            },
        },
        {
            content: "Pay",
            trigger: "button[name=o_payment_submit_button]:enabled",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "The payment is processed and the tenant is back on the bill",
            trigger: "#invoice_content",
            timeout: 20000,
        },
        {
            content: "Back to the list of bills",
            trigger: "body",
            run: "goToUrl /my/invoices",
            expectUnloadPage: true,
        },
        {
            content: "The bill shows as paid",
            trigger: "tr:has(a[href*='/my/invoices/']) span.badge.text-bg-success",
        },
    ],
});
