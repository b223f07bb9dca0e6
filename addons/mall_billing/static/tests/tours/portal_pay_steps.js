// The steps of paying the first open bill of the tenant's list with the demo provider, shared by
// the tours that start with a payment (mall_billing's, mall_einvoice's).
export function payOpenBillSteps() {
    return [
        {
            content: "The tenant's bills are listed; open the one to pay",
            trigger: "a.btn-primary[href*='payment=True']",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "Enter the demo card number",
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
            content: "The payment is processed and the tenant is back on the bill",
            trigger: "#invoice_content",
            timeout: 30000,
        },
    ];
}
