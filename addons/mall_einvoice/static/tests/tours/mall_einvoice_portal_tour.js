import { registry } from "@web/core/registry";

// A tenant pays a bill in the portal with the demo provider; the fapiao is issued through the
// 诺诺 simulator on payment, and the tenant downloads it from 我的发票.
registry.category("web_tour.tours").add("mall_einvoice_portal_pay_fapiao", {
    steps: () => [
        {
            content: "Pay the bill from the list of bills",
            trigger: "a[href*='payment=True']",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "Enter the (demo) card number",
            trigger: "#pay_with input[name='customer_input']",
            run: "edit 4242424242424242",
        },
        {
            content: "Simulate a successful payment",
            trigger: "#pay_with select#simulated_payment_state",
            run() {
                // the demo provider reads the option's value, which its Chinese translation
                // turns into 完成: give it the value it understands
                const select = document.querySelector("#pay_with select#simulated_payment_state");
                const done = document.createElement("option");
                done.value = "done";
                done.textContent = "done";
                select.appendChild(done);
                select.value = "done";
            },
        },
        {
            content: "Pay",
            trigger: "#pay_with button[name='o_payment_submit_button']",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "The payment is processed: back on the bill",
            trigger: "#portal_pay:not(:visible)",
            timeout: 30000,
        },
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
