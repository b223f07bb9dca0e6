import { formatDate } from "@web/core/l10n/dates";
import { registry } from "@web/core/registry";

const { DateTime } = luxon;

// A date `offset` days from today, written as the user's language writes dates.
function day(offset) {
    return formatDate(DateTime.now().plus({ days: offset }));
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
        // The standard template (标准租赁合同), offered for the default lease type.
        ...pick("template_id", "标准", "标准租赁合同"),
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

// A leasing manager approves: the contract goes out for signature, and the landlord's
// signatory is offered to sign in the backend.
registry.category("web_tour.tours").add("mall_contract_manager_tour", {
    steps: () => [
        {
            content: "The submitted lease waits for approval",
            trigger: ".o_statusbar_status .o_arrow_button_current[data-value=submitted]",
        },
        { content: "Approve", trigger: "button[name=action_approve]", run: "click" },
        {
            content: "The lease is being signed",
            trigger: ".o_statusbar_status .o_arrow_button_current[data-value=signing]",
        },
        {
            content: "The landlord may sign from the lease",
            trigger: "button[name=action_sign_landlord]",
        },
    ],
});

// The tenant finds the lease in the portal, reads its terms and finds the way to sign_oca's
// signing page (that page loads no tour engine: the test signs on it with a script).
registry.category("web_tour.tours").add("mall_contract_portal_tour", {
    url: "/my/leases",
    steps: () => [
        {
            content: "Open the lease",
            trigger: ".o_mall_portal_lease a",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "The lease page shows the leased unit",
            trigger: ".o_mall_portal_lease_page:contains(TOUR-1)",
        },
        {
            content: "The contract can be downloaded",
            trigger: ".o_mall_portal_lease_page a.o_mall_lease_download",
        },
        {
            content: "The lease page asks for the signature on sign_oca's page",
            trigger: "a.o_mall_lease_sign[href^='/sign_oca/document/']",
        },
    ],
});

// After both signatures, the floor plan shows the unit as fitting out (handed over, not open).
registry.category("web_tour.tours").add("mall_contract_floor_plan_tour", {
    steps: () => [
        {
            content: "The leased unit is fitting out on the floor plan",
            trigger: '.o_mall_floor_plan .o_mall_unit_shape[data-unit-code="TOUR-1"][data-unit-state="fitting_out"]',
            run: "hover",
        },
        {
            content: "Its tooltip shows the tenant",
            trigger: ".o_mall_unit_tooltip:contains(TOUR-1):contains(星光餐饮)",
        },
    ],
});
