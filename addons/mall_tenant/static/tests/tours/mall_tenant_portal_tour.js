import { registry } from "@web/core/registry";

// A one-pixel PNG stands for the scan of the renewed licence.
const PNG = Uint8Array.from(
    atob("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAAAAAA6fptVAAAACklEQVR4nGNgAAAAAgAB4iG8MwAAAABJRU5ErkJggg=="),
    (c) => c.charCodeAt(0)
);

// A tenant opens its company in the portal, corrects a contact's phone and sends its renewed
// business licence for review.
registry.category("web_tour.tours").add("mall_tenant_portal_tour", {
    url: "/my",
    steps: () => [
        {
            content: "Open My Company from the portal home",
            trigger: 'a[href="/my/tenant"]',
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "Edit the first contact",
            trigger: "tr.o_mall_tenant_contact a.o_mall_contact_edit",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "Type the new phone number",
            trigger: "form.o_mall_contact_form input[name='phone']",
            run: "edit 13900001111",
        },
        {
            content: "Save the contact",
            trigger: "form.o_mall_contact_form button[type='submit']",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "The contact list shows the new number",
            trigger: "tr.o_mall_tenant_contact:contains('13900001111')",
        },
        {
            content: "Choose the scan of the renewed licence and its expiry date",
            trigger: "input[name='licence_file']",
            run() {
                const input = document.querySelector("input[name='licence_file']");
                const files = new DataTransfer();
                files.items.add(new File([PNG], "licence.png", { type: "image/png" }));
                input.files = files.files;
                document.querySelector("input[name='licence_expiry']").value = "2031-06-30";
            },
        },
        {
            content: "Send it for review",
            trigger: "form[action='/my/tenant/licence'] button[type='submit']",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "The licence waits for the mall's review",
            trigger: ".o_mall_licence_pending",
        },
    ],
});
