"""Dash's requests made through Flask's test client, as the browser makes them, and layouts searched."""

from __future__ import annotations

import json

from dashboard.web.components import ids


def call(client, output_prefix: str, inputs: list[dict], changed: list[str], state=()):
    """POST a callback request the way the browser does; return (status, response json)."""
    deps = client.get("/_dash-dependencies").get_json()
    dep = next(d for d in deps if d["output"].startswith(output_prefix))
    outputs = [dict(zip(("id", "property"), o.split(".", 1))) for o in dep["output"].strip(".").split("...")]
    for o in outputs:
        o["property"] = o["property"].split("@")[0]
    if not dep["output"].startswith(".."):  # a single output goes as one object
        outputs = outputs[0]
    body = {
        "output": dep["output"],
        "outputs": outputs,
        "inputs": inputs,
        "changedPropIds": changed,
        "state": list(state),
    }
    r = client.post("/_dash-update-component", json=body)
    return r.status_code, r.get_json()


def page_layout(client, path="/", search=""):
    status, body = call(
        client,
        f"..{ids.PAGE}.children...",
        [{"id": ids.ROUTE, "property": "pathname", "value": path}],
        [f"{ids.ROUTE}.pathname"],
        state=[
            {"id": ids.ROUTE, "property": "search", "value": search},
            {"id": ids.ROUTED, "property": "data", "value": None},
        ],
    )
    assert status == 200
    return json.dumps(body)


def first_answer(client, referer: str | None, **headers):
    """Dash's layout request as the browser sends it for a page load (its Referer is the page)."""
    headers = {**headers, **({"Referer": referer} if referer is not None else {})}
    r = client.get("/_dash-layout", headers=headers)
    vary = {v.strip() for v in r.headers["Vary"].split(",")}
    assert r.status_code == 200 and {"Referer", "User-Agent", "Sec-CH-UA-Mobile"} <= vary
    assert "no-store" in r.headers["Cache-Control"]
    return r.get_json()


def find(component, cid):
    """The component with this id in a layout as JSON, or None."""
    if isinstance(component, list):
        return next((hit for c in component if (hit := find(c, cid)) is not None), None)
    if not isinstance(component, dict):
        return None
    props = component.get("props", {})
    if props.get("id") == cid:
        return props
    return find(props.get("children"), cid)


def callback_body(deps: list[dict], output_prefix: str, search: str) -> dict:
    """A callback request as the browser builds it from _dash-dependencies: every 'search' input or
    state gets the page's query, the rest None (so it follows the app as its callbacks change)."""
    dep = next(d for d in deps if d["output"].startswith(output_prefix))
    outputs = [dict(zip(("id", "property"), o.split(".", 1))) for o in dep["output"].strip(".").split("...")]
    for o in outputs:
        o["property"] = o["property"].split("@")[0]
    fill = [
        {"id": d["id"], "property": d["property"], "value": search if d["property"] == "search" else None}
        for d in dep["inputs"]
    ]
    state = [
        {"id": d["id"], "property": d["property"], "value": search if d["property"] == "search" else None}
        for d in dep["state"]
    ]
    return {
        "output": dep["output"],
        "outputs": outputs if dep["output"].startswith("..") else outputs[0],
        "inputs": fill,
        "state": state,
        "changedPropIds": [f"{fill[0]['id']}.{fill[0]['property']}"],
    }
