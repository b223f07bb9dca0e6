import { registry } from "@web/core/registry";

const { DateTime } = luxon;

function day(offset) {
    return DateTime.now().plus({ days: offset }).toFormat("MM/dd/yyyy");
}

function pick(field, text, label) {
    return [
        {
            content: `Type ${text} in ${field}`,
            trigger: `.o_field_widget[name=${field}] input`,
            run: `edit ${text}`,
        },
        {
            content: `Choose ${label || text}`,
            trigger: `.o-autocomplete--dropdown-menu .o-autocomplete--dropdown-item:contains(${label || text})`,
            run: "click",
        },
    ];
}

function setDate(field, value) {
    return {
        content: `Set ${field}`,
        trigger: `.o_field_widget[name=${field}] input`,
        run: `edit ${value} && press Escape`,
    };
}

// A leasing clerk builds a lease from the standard template and submits it.
registry.category("web_tour.tours").add("mall_contract_clerk_tour", {
    steps: () => [
        { content: "The lease form opens", trigger: ".o_form_view .o_field_widget[name=tenant_id]" },
        ...pick("tenant_id", "星光餐饮"),
        {
            content: "Open the templates of this lease type",
            trigger: ".o_field_widget[name=template_id] input",
            run: "click",
        },
        {
            content: "Choose the first template offered",
            trigger: ".o_field_widget[name=template_id] .o-autocomplete--dropdown-item:first a",
            run: "click",
        },
        setDate("date_start", day(-5)),
        setDate("date_end", day(725)),
        setDate("date_handover", day(-5)),
        setDate("date_opening", day(40)),
        {
            content: "Add a unit",
            trigger: ".o_field_widget[name=line_ids] .o_field_x2many_list_row_add a",
            run: "click",
        },
        ...pick("unit_id", "TOUR-1"),
        {
            content: "Its rent per m²",
            trigger: ".o_field_widget[name=line_ids] .o_data_row [name=price] input",
            run: "edit 300",
        },
        { content: "Save", trigger: ".o_form_button_save", run: "click" },
        { content: "Saved under its lease number", trigger: ".o_breadcrumb:contains(HT)" },
        { content: "Submit for approval", trigger: "button[name=action_submit]", run: "click" },
        {
            content: "The lease waits for approval",
            trigger: ".o_statusbar_status .o_arrow_button_current[data-value=submitted]",
        },
    ],
});

// A leasing manager approves: the contract goes out for signature.
registry.category("web_tour.tours").add("mall_contract_manager_tour", {
    steps: () => [
        { content: "Approve", trigger: "button[name=action_approve]", run: "click" },
        {
            content: "The lease is being signed",
            trigger: ".o_statusbar_status .o_arrow_button_current[data-value=signing]",
        },
    ],
});

// The tenant finds the lease in the portal and opens sign_oca's signing page.
registry.category("web_tour.tours").add("mall_contract_portal_tour", {
    url: "/my/leases",
    steps: () => [
        { content: "Open the lease", trigger: ".o_mall_portal_lease a", run: "click" },
        { content: "The lease page asks for the signature", trigger: "a.o_mall_lease_sign", run: "click" },
        {
            content: "sign_oca's signing page opens",
            trigger: "body",
            run() {
                if (!window.location.pathname.startsWith("/sign_oca/document/")) {
                    throw new Error(`Not on the signing page: ${window.location.pathname}`);
                }
            },
        },
    ],
});
