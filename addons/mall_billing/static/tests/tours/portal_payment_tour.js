import { registry } from "@web/core/registry";
import { payOpenBillSteps } from "@mall_billing/../tests/tours/portal_pay_steps";

// A tenant opens its bills in the portal and pays the open one with the demo provider.
registry.category("web_tour.tours").add("mall_billing_portal_payment_tour", {
    steps: () => [
        ...payOpenBillSteps(),
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
