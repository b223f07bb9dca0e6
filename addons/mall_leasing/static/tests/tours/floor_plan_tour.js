import { registry } from "@web/core/registry";

// The floor plan shows every unit of the floor in the colour of its status (as in the legend),
// and a click on a unit opens its form.
registry.category("web_tour.tours").add("mall_leasing_floor_plan_tour", {
    steps: () => [
        {
            content: "The floor plan draws the units",
            trigger: '.o_mall_floor_plan .o_mall_unit_shape[data-unit-code="TOUR-003"]',
        },
        {
            content: "Each unit has the legend colour of its status",
            trigger: ".o_mall_floor_plan .o_mall_legend_swatch[data-key='open']",
            run() {
                const legend = {};
                for (const swatch of document.querySelectorAll(".o_mall_legend_swatch")) {
                    legend[swatch.dataset.key] = swatch.style.backgroundColor;
                }
                const shapes = document.querySelectorAll(".o_mall_floor_plan .o_mall_unit_shape");
                if (shapes.length !== 3) {
                    throw new Error(`Expected 3 units on the plan, got ${shapes.length}`);
                }
                const probe = document.createElement("span");
                document.body.appendChild(probe);
                for (const shape of shapes) {
                    const rect = shape.querySelector("rect");
                    probe.style.backgroundColor = rect.getAttribute("fill");
                    const fill = probe.style.backgroundColor;
                    const expected = legend[shape.dataset.unitState];
                    if (!expected || fill !== expected) {
                        throw new Error(
                            `Unit ${shape.dataset.unitCode} (${shape.dataset.unitState}) is ${fill}, legend says ${expected}`
                        );
                    }
                }
                probe.remove();
            },
        },
        {
            content: "Colour the units by business category",
            trigger: ".o_mall_floor_plan .o_mall_color_category",
            run: "click",
        },
        {
            content: "TOUR-001 takes the colour of its category in the legend",
            trigger: ".o_mall_floor_plan .o_mall_legend_swatch[data-key='Food & Beverage'], .o_mall_floor_plan .o_mall_legend_swatch[data-key='餐饮']",
            run() {
                const swatch = document.querySelector(".o_mall_legend_swatch");
                const rect = document.querySelector('.o_mall_unit_shape[data-unit-code="TOUR-001"] rect');
                const probe = document.createElement("span");
                probe.style.backgroundColor = rect.getAttribute("fill");
                if (probe.style.backgroundColor !== swatch.style.backgroundColor) {
                    throw new Error(`TOUR-001 is ${probe.style.backgroundColor}, its category ${swatch.style.backgroundColor}`);
                }
            },
        },
        {
            content: "Back to the colours of the statuses",
            trigger: ".o_mall_floor_plan .o_mall_color_state",
            run: "click",
        },
        {
            content: "Hovering a unit shows its details",
            trigger: '.o_mall_unit_shape[data-unit-code="TOUR-002"][data-unit-state="open"]',
            run: "hover",
        },
        {
            content: "The tooltip shows the unit",
            trigger: ".o_mall_unit_tooltip:contains(TOUR-002)",
        },
        {
            content: "Click the unit",
            trigger: '.o_mall_unit_shape[data-unit-code="TOUR-002"]',
            run: "click",
        },
        {
            content: "The unit form opens",
            trigger: '.o_form_view .o_field_widget[name="code"]:contains(TOUR-002), .o_form_view .o_field_widget[name="code"] input',
            run() {
                const field = document.querySelector('.o_form_view .o_field_widget[name="code"]');
                const text = field.querySelector("input")?.value || field.textContent;
                if (!text.includes("TOUR-002")) {
                    throw new Error(`Expected the form of TOUR-002, got ${text}`);
                }
            },
        },
    ],
});
