import { registry } from "@web/core/registry";

// Finance bills a month: a new billing run, its preview per lease, then the invoices posted.
registry.category("web_tour.tours").add("mall_billing_run_tour", {
    url: "/odoo/action-mall_billing.action_mall_billing_run",
    steps: () => [
        {
            content: "Start a new billing run",
            trigger: ".o_list_button_add",
            run: "click",
        },
        {
            content: "Preview what this month bills",
            trigger: ".o_form_view button[name='action_preview']",
            run: "click",
        },
        {
            content: "The preview lists the tenant's lease",
            trigger: ".o_field_widget[name='line_ids'] .o_data_row:contains('巡游商贸有限公司')",
        },
        {
            content: "Post the invoices",
            trigger: ".o_form_view button[name='action_post']",
            run: "click",
        },
        {
            content: "Confirm",
            trigger: ".modal-footer .btn-primary",
            run: "click",
        },
        {
            content: "The run is done",
            trigger: ".o_statusbar_status button[data-value='done'].o_arrow_button_current",
        },
        {
            content: "Its invoices are one click away",
            trigger: "button[name='action_view_invoices']",
        },
    ],
});
