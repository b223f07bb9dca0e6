import { registry } from "@web/core/registry";

// A tenant pays a bill in the portal with the demo provider; the fapiao is requested on payment
// by a queued job and issued through the 诺诺 simulator (the test runs the jobs between the two
// tours), and the tenant downloads it from 我的发票.
registry.category("web_tour.tours").add("mall_einvoice_portal_pay", {
    steps: () => [
        {
            content: "Pay the bill from the list of bills",
            trigger: "a.btn-primary[href*='payment=True']",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "Enter the (demo) card number",
            trigger: "#customer_input",
            run: "edit 4242424242424242",
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
            content: "The payment is processed: back on the bill",
            trigger: "#invoice_content",
            timeout: 30000,
        },
    ],
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
