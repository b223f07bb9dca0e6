import { registry } from "@web/core/registry";

// One smoke tour per kind of view: it opens whatever URL the test gives and waits until a view
// of that kind is drawn with content, inside the action manager, and no error dialog is shown.
// A URL that lands on another view, an empty screen or an error fails the tour.
// The view is the action's own (a direct child of the action manager), not a list or kanban
// embedded in a form.
const KINDS = {
    list: "> .o_list_view .o_data_row",
    kanban: "> .o_kanban_view .o_kanban_record:not(.o_kanban_ghost)",
    form: "> .o_form_view .o_form_sheet_bg",
    pivot: "> .o_pivot_view .o_pivot table",
    graph: "> .o_graph_view .o_graph_renderer canvas",
    floor_plan: "> .o_mall_floor_plan",
};
for (const [kind, selector] of Object.entries(KINDS)) {
    registry.category("web_tour.tours").add(`mall_leasing_view_smoke_${kind}`, {
        steps: () => [
            {
                content: `A ${kind} view is drawn with its content`,
                trigger: `.o_action_manager ${selector}`,
            },
            {
                content: "No error dialog",
                trigger: "body:not(:has(.o_error_dialog))",
            },
        ],
    });
}

// From a unit, the rent calculator shows a month-by-month schedule.
registry.category("web_tour.tours").add("mall_leasing_rent_calculator_tour", {
    steps: () => [
        {
            content: "Open the rent calculator from the unit",
            trigger: ".o_form_view button[name='action_open_rent_calculator']",
            run: "click",
        },
        {
            content: "Twelve months",
            trigger: ".modal .o_field_widget[name='term_months'] input",
            run: "edit 12",
        },
        {
            content: "Calculate",
            trigger: ".modal button[name='action_compute']",
            run: "click",
        },
        {
            content: "The schedule lists the months",
            trigger: ".modal .o_field_widget[name='line_ids'] .o_data_row:nth-child(12)",
        },
        {
            content: "The total is 80 m² × 200 × 12 months",
            trigger: ".modal .o_field_widget[name='total_amount']:contains('192,000.00')",
        },
    ],
});
