import { _t } from "@web/core/l10n/translation";
import { registry } from "@web/core/registry";
import { useService } from "@web/core/utils/hooks";
import { standardActionServiceProps } from "@web/webclient/actions/action_service";
import {
    Component,
    markup,
    onMounted,
    onPatched,
    onWillStart,
    onWillUnmount,
    useRef,
    useState,
} from "@odoo/owl";

// The server announces on the bus which floors changed (mall.unit._notify_floor_plan); the plan
// then re-fetches its statuses (one RPC for the whole floor), instead of polling on a timer.
const CHANGED = "mall_leasing/floor_plan_changed";
// Scale of the generated plan: plan coordinates are metres.
const PX_PER_M = 6;

export class FloorPlan extends Component {
    static template = "mall_leasing.FloorPlan";
    static props = { ...standardActionServiceProps };

    setup() {
        this.orm = useService("orm");
        this.action = useService("action");
        this.svgRef = useRef("svgHost");
        const params = this.props.action.params || {};
        const context = this.props.action.context || {};
        this.state = useState({
            floorId:
                params.floor_id ||
                (context.active_model === "mall.floor" && context.active_id) ||
                false,
            data: null,
            colorBy: "state",
            hover: null,
            hoverX: 0,
            hoverY: 0,
        });
        onWillStart(() => this.load());
        this.busService = useService("bus_service");
        this.onFloorsChanged = ({ floor_ids }) => {
            if (floor_ids.includes(this.state.floorId)) {
                this.load({ withSvg: false });
            }
        };
        onMounted(() => {
            this.decorateSvg();
            this.busService.subscribe(CHANGED, this.onFloorsChanged);
            this.busService.start();
        });
        onPatched(() => this.decorateSvg());
        onWillUnmount(() => this.busService.unsubscribe(CHANGED, this.onFloorsChanged));
    }

    async load({ withSvg = true } = {}) {
        let floorId = this.state.floorId;
        if (!floorId) {
            const floors = await this.orm.search("mall.floor", [], { limit: 1 });
            floorId = floors[0];
            if (!floorId) {
                this.state.data = { units: [], floors: [], states: [], categories: [] };
                return;
            }
            this.state.floorId = floorId;
        }
        const data = await this.orm.call("mall.floor", "get_floor_plan_data", [[floorId]], {
            with_svg: withSvg,
        });
        if (floorId !== this.state.floorId) {
            return; // the user switched floors meanwhile
        }
        this.unitsByCode = Object.fromEntries(data.units.map((u) => [u.code, u]));
        if (data.svg === null) {
            // a refresh of the statuses: keep the drawing already shown
            data.svg = this.state.data ? this.state.data.svg : "";
        } else {
            this.svgMarkup = data.svg ? markup(data.svg) : null;
        }
        this.state.data = data;
    }

    async onFloorChange(ev) {
        this.state.floorId = parseInt(ev.target.value);
        this.state.hover = null;
        await this.load();
    }

    setColorBy(mode) {
        this.state.colorBy = mode;
    }

    colorOf(unit) {
        if (this.state.colorBy === "category") {
            return unit.category_color;
        }
        const state = this.state.data.states.find((s) => s.key === unit.state);
        return state ? state.color : "#ffffff";
    }

    get layout() {
        const units = this.state.data.units.filter((u) => u.width > 0 && u.height > 0);
        const width = Math.max(10, ...units.map((u) => u.x + u.width));
        const height = Math.max(10, ...units.map((u) => u.y + u.height));
        return {
            units,
            width: width * PX_PER_M + 2,
            height: height * PX_PER_M + 2,
            scale: PX_PER_M,
        };
    }

    get legend() {
        if (this.state.colorBy === "category") {
            return this.state.data.categories.map((c) => ({ key: c.name, label: c.name, color: c.color }));
        }
        return this.state.data.states;
    }

    get unplacedUnits() {
        return this.state.data.units.filter((u) => !(u.width > 0 && u.height > 0));
    }

    formatArea(value) {
        return (value || 0).toFixed(2);
    }

    formatPrice(value) {
        return value ? `${this.state.data.currency}${value.toFixed(2)}` : _t("No standard");
    }

    /** Colour the shapes of an uploaded SVG: any element whose data-unit or id is a unit code. */
    decorateSvg() {
        const host = this.svgRef.el;
        if (!host || !this.state.data || !this.state.data.svg) {
            return;
        }
        for (const el of host.querySelectorAll("[data-unit], [id]")) {
            const code = el.getAttribute("data-unit") || el.getAttribute("id");
            const unit = this.unitsByCode[code];
            if (!unit) {
                continue;
            }
            el.style.fill = this.colorOf(unit);
            el.style.cursor = "pointer";
            el.classList.add("o_mall_unit_shape");
            el.dataset.unitState = unit.state;
            el.dataset.unitCode = unit.code;
            el.onmouseenter = (ev) => this.onHover(unit, ev);
            el.onmousemove = (ev) => this.onHover(unit, ev);
            el.onmouseleave = () => this.onLeave();
            el.onclick = () => this.openUnit(unit);
        }
    }

    onHover(unit, ev) {
        this.state.hover = unit;
        this.state.hoverX = ev.clientX + 12;
        this.state.hoverY = ev.clientY + 12;
    }

    onLeave() {
        this.state.hover = null;
    }

    openUnit(unit) {
        this.action.doAction({
            type: "ir.actions.act_window",
            res_model: "mall.unit",
            res_id: unit.id,
            views: [[false, "form"]],
            target: "current",
        });
    }
}

registry.category("actions").add("mall_leasing.floor_plan", FloorPlan);
