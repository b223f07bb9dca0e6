import { registry } from "@web/core/registry";
import { payOpenBillSteps } from "@mall_billing/../tests/tours/portal_pay_steps";

// A tenant pays a bill in the portal with the demo provider; the fapiao is requested on payment
// by a queued job and issued through the 诺诺 simulator (the test runs the jobs between the two
// tours), and the tenant downloads it from 我的发票.
registry.category("web_tour.tours").add("mall_einvoice_portal_pay", {
    steps: () => payOpenBillSteps(),
});

registry.category("web_tour.tours").add("mall_einvoice_portal_fapiao", {
    steps: () => [
        {
            content: "Open My Fapiao",
            trigger: "body",
            run: "goToUrl /my/fapiao",
            expectUnloadPage: true,
        },
        {
            content: "The fapiao of the paid bill is listed",
            trigger: "tr.o_mall_fapiao_row a.o_mall_fapiao_pdf",
        },
        {
            content: "Download its PDF",
            trigger: "tr.o_mall_fapiao_row a.o_mall_fapiao_pdf",
            async run() {
                const link = document.querySelector("tr.o_mall_fapiao_row a.o_mall_fapiao_pdf");
                const response = await fetch(link.href);
                const type = response.headers.get("content-type") || "";
                if (!response.ok || !type.includes("pdf")) {
                    throw new Error(`fapiao PDF not served: ${response.status} ${type}`);
                }
            },
        },
    ],
});
