"""A page's first view: its Dash layout written out as static HTML, served with the page itself.

Dash draws a page only after its renderer, React and every component's code have loaded and run
(about 0.7 s here, more on a slow phone) and the layout has come back from the server. The first
view shows the same page before that: the HTML answer carries the page's layout as plain
elements, and its first chart: as SVG written here when the chart is one whose every part
dashboard/web/first_view/picture.py places as plotly.js does (the density view of a big table: on screen
with the page's first paint), else as its figure, which assets/first_view.js draws with plotly.js
(a static picture: no hover, no zoom) before Dash's scripts run. When Dash has drawn that chart
itself, the script removes the first view and the live page, laid out the same, is shown in its
place (see docs/PERFORMANCE.md "First view").

`static_html(component)` writes any layout the explorer uses: html.* elements as themselves, the
dash-bootstrap-components and dash-core-components it uses as the markup they render to (so every
box has its size and the chart sits where the live one will), and what shows nothing on first
load (stores, closed dialogs and alerts) as nothing. A component with no rule raises
UnknownComponent: a new component on the page needs a rule (tests/test_prerender.py walks the
real pages); how a component's kind and props are read is dashboard/web/dash_compat.py's (rules
written for the dbc and dcc versions in dash_compat.CHECKED). The first view carries no ids (the live page owns them), no `for`, and is inert.
"""

from __future__ import annotations

import html as _html
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

import plotly.io as pio

from dashboard.web import dash_compat
from dashboard.web.first_view import picture

# Attributes copied from a component's props to the element ("className" -> "class"); aria-* and
# data-* are copied as they are. Everything else (id, n_clicks, callbacks' props) is left out.
ATTRIBUTES = {
    "className": "class",
    "title": "title",
    "href": "href",
    "role": "role",
    "rel": "rel",
    "target": "target",
    "lang": "lang",
    "hidden": "hidden",
    "open": "open",
    "type": "type",
    "alt": "alt",
    "src": "src",
    "disabled": "disabled",
    "colSpan": "colspan",
}
# ARIA attributes that name other elements by id: left out with the ids.
ID_REFERENCES = frozenset(
    {"aria-controls", "aria-labelledby", "aria-describedby", "aria-owns", "aria-activedescendant"}
)
VOID = frozenset({"area", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"})
_CAMEL = re.compile(r"(?<!^)(?=[A-Z])")


class UnknownComponent(TypeError):
    """A component the first view has no rule for (add one to RULES)."""


@dataclass
class FirstView:
    """The static page and the figures its charts draw ({element key: figure JSON text})."""

    html: str
    figures: dict[str, str] = field(default_factory=dict)


def _style(style: dict | None) -> str:
    if not style:
        return ""
    return "; ".join(f"{_CAMEL.sub('-', k).lower()}: {v}" for k, v in style.items())


def _attrs(attrs: dict) -> str:
    out = []
    for name, value in attrs.items():
        if value is None or value is False or value == "":
            continue
        out.append(f" {name}" if value is True else f' {name}="{_html.escape(str(value), quote=True)}"')
    return "".join(out)


def _classes(*names) -> str:
    return " ".join(n for n in names if n)


class _Writer:
    """Writes one layout; collects the figures of the graphs it is asked to draw."""

    def __init__(self, draw: Iterable[str], pictures: Iterable[str] = ()):
        self.draw, self.pictures = tuple(draw), tuple(pictures)
        self.figures: dict[str, str] = {}

    def write(self, node) -> str:
        if node is None or node is False:
            return ""
        if isinstance(node, (list, tuple)):
            return "".join(self.write(n) for n in node)
        if isinstance(node, (str, int, float)):
            return _html.escape(str(node), quote=False)
        kind = dash_compat.component_kind(node)
        if kind[0] == dash_compat.HTML:
            return self.element(kind[1].lower(), dash_compat.component_props(node))
        rule = RULES.get(kind)
        if rule is None:
            raise UnknownComponent(
                f"the first view has no rule for {kind[0]}.{kind[1]} (id {getattr(node, 'id', None)!r}): "
                "add one to dashboard/web/first_view/prerender.RULES"
            )
        return rule(self, dash_compat.component_props(node))

    def element(self, tag: str, props: dict, *, extra: dict | None = None, children=None) -> str:
        attrs = {ATTRIBUTES[k]: v for k, v in props.items() if k in ATTRIBUTES}
        attrs.update({k: v for k, v in props.items() if k.startswith(("aria-", "data-")) and k not in ID_REFERENCES})
        if props.get("style"):
            attrs["style"] = _style(props["style"])
        attrs.update(extra or {})
        if tag in VOID:
            return f"<{tag}{_attrs(attrs)}>"
        inner = self.write(props.get("children") if children is None else children)
        return f"<{tag}{_attrs(attrs)}>{inner}</{tag}>"

    def graph(self, props: dict) -> str:
        """A chart: when it is one of `draw`, its picture (first_view/picture.py), or its
        figure for assets/first_view.js to draw with plotly.js; when it is one of `pictures`, its
        picture if it can have one; else its loading note."""
        style = {**(props.get("style") or {}), "height": "100%"}
        cls = _classes(dash_compat.GRAPH_CLASS, props.get("className"))
        if props.get("id") in self.draw + self.pictures and props.get("figure"):
            try:  # drawn here, as SVG, when the picture can place every part as plotly.js does
                plot = f'<div class="first-view-plot">{picture.svg(props["figure"])}</div>'
                return f'<div class="{cls}" style="{_style(style)}">{plot}</div>'
            except picture.NotDrawable:
                pass
        if props.get("id") in self.draw and props.get("figure"):
            key = f"first-view-figure-{len(self.figures)}"
            self.figures[key] = pio.to_json(props["figure"], validate=False)
            plot = f'<div class="first-view-plot" data-figure="{key}" style="height: 100%; width: 100%"></div>'
            return f'<div class="{cls}" style="{_style(style)}">{plot}</div>'
        return (
            f'<div class="{cls}" style="{_style(style)}"><div class="loading-note">Drawing the chart\u2026</div></div>'
        )


def _bootstrap_class(props: dict) -> str:
    return props.get("class_name") or props.get("className") or ""


def _checks(kind: str) -> Callable:
    """dbc.Checklist / dbc.RadioItems: one .form-check per option, ticked as `value` says."""

    def rule(w: _Writer, props: dict) -> str:
        value = props.get("value")
        chosen = set(value) if isinstance(value, list) else {value}
        inline = " form-check-inline" if props.get("inline") else ""
        items = []
        for option in props.get("options") or []:
            if not isinstance(option, dict):
                option = {"label": option, "value": option}
            box = w.element(
                "input", {}, extra={"class": "form-check-input", "type": kind, "checked": option.get("value") in chosen}
            )
            label = f'<label class="form-check-label">{w.write(option.get("label"))}</label>'
            items.append(f'<div class="form-check{inline}">{box}{label}</div>')
        return f"<div{_attrs({'class': _bootstrap_class(props)})}>{''.join(items)}</div>"

    return rule


def _switch(w: _Writer, props: dict) -> str:
    box = w.element(
        "input",
        {},
        extra={"class": "form-check-input", "type": "checkbox", "role": "switch", "checked": bool(props.get("value"))},
    )
    label = f'<label class="form-check-label form-label">{w.write(props.get("label"))}</label>'
    return f'<div class="{_classes("form-check form-switch", _bootstrap_class(props))}">{box}{label}</div>'


def _input(w: _Writer, props: dict) -> str:
    size = {"sm": "form-control-sm", "lg": "form-control-lg"}.get(props.get("size"), "")
    return w.element(
        "input",
        {},
        extra={
            "class": _classes("form-control", size, _bootstrap_class(props)),
            "type": props.get("type") or "text",
            "placeholder": props.get("placeholder"),
            "value": props.get("value"),
        },
    )


def _button(w: _Writer, props: dict) -> str:
    colour = props.get("color") or "primary"
    variant = f"btn-outline-{colour}" if props.get("outline") else f"btn-{colour}"
    size = f"btn-{props['size']}" if props.get("size") else ""
    return w.element(
        "button", props, extra={"class": _classes(_bootstrap_class(props), "btn", variant, size), "type": "button"}
    )


def _dropdown(w: _Writer, props: dict) -> str:
    """dbc.DropdownMenu, closed: its toggle button."""
    colour = props.get("color") or "primary"
    size = f"btn-{props['size']}" if props.get("size") else ""
    toggle = (
        f'<button type="button" class="{_classes("dropdown-toggle btn", f"btn-{colour}", size)}">'
        f"{w.write(props.get('label'))}</button>"
    )
    return f'<div class="{_classes("dropdown", _bootstrap_class(props))}">{toggle}</div>'


def _alert(w: _Writer, props: dict) -> str:
    if not props.get("is_open", True):
        return ""
    cls = _classes(
        _bootstrap_class(props),
        "alert",
        f"alert-{props.get('color') or 'secondary'}",
        "alert-dismissible" if props.get("dismissable") else "",
        "fade show",
    )
    close = '<button type="button" class="btn-close"></button>' if props.get("dismissable") else ""
    return f'<div role="alert" class="{cls}">{w.write(props.get("children"))}{close}</div>'


def _wrap(tag: str, base: str) -> Callable:
    return lambda w, props: w.element(tag, props, extra={"class": _classes(_bootstrap_class(props), base)})


def _nothing(w: _Writer, props: dict) -> str:
    return ""


def _loading(w: _Writer, props: dict) -> str:
    """dcc.Loading: its children, in the two boxes it wraps them in."""
    return f'<div style="position: relative;"><div>{w.write(props.get("children"))}</div></div>'


def _link(w: _Writer, props: dict) -> str:
    return w.element("a", props)


def _slider(w: _Writer, props: dict) -> str:
    """dcc.Slider: a box of its height, empty until its code has loaded."""
    return w.element("div", {"className": props.get("className"), "style": {"minHeight": "2rem"}}, children=[])


def _grid(w: _Writer, props: dict) -> str:
    """dash-ag-grid: its box, empty until the table's code has loaded."""
    return w.element(
        "div",
        {"className": _classes("ag-theme-alpine", props.get("className")), "style": props.get("style")},
        children=[],
    )


DBC, DCC = dash_compat.DBC, dash_compat.DCC
RULES: dict[tuple[str, str], Callable[[_Writer, dict], str]] = {
    (DCC, "Store"): _nothing,
    (DCC, "Location"): _nothing,
    (DCC, "Download"): _nothing,
    (DCC, "Loading"): _loading,
    (DCC, "Link"): _link,
    (DCC, "Graph"): _Writer.graph,
    (DCC, "Slider"): _slider,
    (DBC, "Modal"): _nothing,
    (DBC, "Alert"): _alert,
    (DBC, "Checklist"): _checks("checkbox"),
    (DBC, "RadioItems"): _checks("radio"),
    (DBC, "Switch"): _switch,
    (DBC, "Input"): _input,
    (DBC, "Label"): _wrap("label", "form-label"),
    (DBC, "FormText"): _wrap("small", "form-text"),
    (DBC, "Row"): _wrap("div", "row"),
    (DBC, "Col"): _wrap("div", "col"),
    (DBC, "Button"): _button,
    (DBC, "DropdownMenu"): _dropdown,
    (dash_compat.AG_GRID, "AgGrid"): _grid,
}


def static_html(layout, draw: Iterable[str] = (), pictures: Iterable[str] = ()) -> FirstView:
    """`layout` (a Dash component tree) as static HTML; the graphs whose ids are in `draw` come as
    pictures or carry their figures, for assets/first_view.js to draw; those in `pictures` come as
    pictures when they can (no plotly.js drawing for them). Raises UnknownComponent."""
    writer = _Writer(draw, pictures)
    body = writer.write(layout)
    return FirstView(body, writer.figures)


def page_html(view: FirstView, attrs: dict | None = None) -> str:
    """The first view as it goes into the HTML answer: the page, inert and hidden from assistive
    technology (the live page replaces it), then each figure as JSON data (not run as script).
    `attrs`: more attributes of the first view's element (for assets/first_view.js)."""
    data = "".join(
        f'<script type="application/json" id="{key}">{_script_safe(text)}</script>'
        for key, text in view.figures.items()
    )
    return (
        f'<div id="first-view" class="first-view" aria-hidden="true" inert{_attrs(attrs or {})}>{view.html}</div>{data}'
    )


def _script_safe(text: str) -> str:
    """JSON that cannot end its <script> element early (no '</' or '<!--' in it)."""
    return text.replace("<", "\\u003c")
