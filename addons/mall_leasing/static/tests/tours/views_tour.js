import { registry } from "@web/core/registry";

// Opens whatever URL the test gives and waits for the view to be drawn without error.
registry.category("web_tour.tours").add("mall_leasing_view_smoke_tour", {
    steps: () => [
        {
            content: "The view is drawn",
            trigger: ".o_action_manager .o_view_controller, .o_action_manager .o_mall_floor_plan, .modal .o_form_view",
        },
    ],
});

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
