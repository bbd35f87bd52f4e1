"""What a benchmark's result must hold: the smoke runs in tests/ check it."""


def check_server_side(result):
    assert result["events"] == 1000 and result["claims"] > 1000
    assert 0 < result["startup"]["load_s"] and 0 < result["ready_s"]
    for name in ("filter", "select"):
        ms = result["callbacks"][name]["ms"]
        assert ms["n"] > 0 and 0 < ms["median"] <= ms["p95"]
    assert result["callbacks"]["default_figures"]["json_kb"] > result["callbacks"]["default_figures"]["wire_kb"] > 0
    assert result["memory"]["rss_mb"] > 0
    assert all(result["view"][k]["median"] > 0 for k in ("build_view_ms", "figures_ms", "details_ms"))
