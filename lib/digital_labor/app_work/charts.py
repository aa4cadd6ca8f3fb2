"""Charts of drivers' time: published utilisation by study, time budgets, and where the essay's
claim holds in the model (with sliders). Builders take frames and return described charts."""

from __future__ import annotations

import altair as alt
import pandas as pd

from .. import charts
from .data import TIME
from .model import APP_MINUTES, APP_WORK_ASSUMPTIONS, WHILE_WAITING, Budget, DriverHour, default_cruising, time_budget

__all__ = ["budget_chart", "claim_region_chart", "utilisation_chart"]

_BUDGET_MODEL = (
    "time budget of a logged-in hour: published phase shares, a cruising share from one driver's rides, assumed minutes of app work"
)
REGIONS = ["B: under both definitions", "W: only if parked waiting counts as app work", "under neither"]
# Axis labels on two lines (split at '|'): where and what, then the study; readable on a phone.
TWO_LINE_AXIS = alt.Axis(labelLimit=240, labelExpr="split(datum.label, '|')", labelPadding=4)


def _two_lines(study: str, city: str, service: str) -> str:
    place = city.split(" (")[0]
    place = place.split(";")[0] + " etc." if ";" in place else place
    return f"{place}, {service.split(' (')[0]}|{study}"


REGION_COLOURS = [charts.PALETTE[3], charts.PALETTE[1], "#e8e8e8"]


def _figure_row(r: pd.Series) -> str:
    """One row per published figure: place, service, measure and year, then the study. Readings of
    the same figure share a row; different years, measures or studies never do."""
    place = r.city.split(" (")[0] if "average" not in r.city else r.city
    place = place.split(";")[0] + " etc." if ";" in place else place
    measure = "time" if r.basis == TIME else "miles"
    return f"{place}, {r.service.split(' (')[0]}, {measure}, {r.period.split(' (')[0]}|{r.study}"


def utilisation_chart(shares: pd.DataFrame) -> alt.LayerChart:
    """Published shares of time or miles with a passenger (P3), one row per study, city, service,
    measure and year; a bar only for a published range or for secondary readings of one figure that
    disagree (a :func:`~digital_labor.app_work.phase_shares` frame, P3 rows used)."""
    p3 = shares[shares["phase"] == "P3"].copy()
    p3["group"] = p3["ride_hail"].map({True: "ride-hail", False: "taxi"}) + ", " + p3["basis"]
    p3["row"] = [_figure_row(r) for r in p3.itertuples()]
    p3 = p3.drop_duplicates(["row", "low_pct", "high_pct"]).sort_values(["basis", "high_pct"], ignore_index=True)
    p3["span_low"] = p3.groupby("row")["low_pct"].transform("min")
    p3["span_high"] = p3.groupby("row")["high_pct"].transform("max")
    groups = [
        g
        for g in ("ride-hail, share of time", "ride-hail, share of miles", "taxi, share of time", "taxi, share of miles")
        if g in set(p3["group"])
    ]
    colour, shape = charts.category_scales(groups)
    y = alt.Y("row:N", title=None, sort=list(dict.fromkeys(p3["row"])), axis=TWO_LINE_AXIS)
    x = alt.X("high_pct:Q", title="Share with a passenger (%)", scale=alt.Scale(domain=[0, 100]))
    base = alt.Chart(p3).encode(y=y)
    spans = p3[p3["span_high"] > p3["span_low"]]
    span = (
        alt.Chart(spans)
        .mark_rule(strokeWidth=3)
        .encode(
            y=y,
            x=alt.X("span_low:Q", scale=alt.Scale(domain=[0, 100])),
            x2="span_high:Q",
            color=alt.Color("group:N", title="Service and measure", scale=colour),
        )
    )
    dots = base.mark_point(filled=True, size=70).encode(
        x=x,
        color=alt.Color("group:N", title="Service and measure", scale=colour),
        shape=alt.Shape("group:N", title="Service and measure", scale=shape),
        tooltip=[
            alt.Tooltip("study:N", title="Study"),
            alt.Tooltip("city:N", title="City"),
            alt.Tooltip("service:N", title="Service"),
            alt.Tooltip("measure:N", title="Measure"),
            alt.Tooltip("value:N", title="As published"),
            alt.Tooltip("unit:N", title="Unit"),
            alt.Tooltip("period:N", title="Period"),
            alt.Tooltip("confidence:N", title="Confidence"),
        ],
    )
    half = alt.Chart(pd.DataFrame({"x": [50]})).mark_rule(strokeDash=[4, 3], color="#555555").encode(x="x:Q")
    chart = alt.layer(half, span, dots).properties(width=360, height=30 * p3["row"].nunique())
    return charts.describe(
        chart,
        title="How much of a driver's time has a passenger in the car?",
        description="Dot chart of published shares with a passenger, one row per study, city, service, measure (time or miles) "
        "and year; bars only where a range was published or where secondary readings of the same figure disagree: "
        + "; ".join(
            f"{r.study}, {r.city} ({r.service}, {r.period}), {r.basis}: {r.low_pct:.0f}"
            + (f"-{r.high_pct:.0f}" if r.high_pct != r.low_pct else "")
            + f" % ({r.confidence} confidence)"
            for r in p3.itertuples()
        )
        + ". Shares of miles run higher than shares of time, because drivers often wait parked.",
        datasets=["ride_hail_utilisation"],
    )


def budget_chart(
    budgets: pd.DataFrame,
    app_minutes: float = APP_MINUTES,
    while_waiting: float = WHILE_WAITING,
    cruising: float | None = None,
    *,
    budget: Budget = time_budget,
) -> alt.Chart:
    """Minutes of a logged-in hour by activity for each published three-phase budget (a
    :func:`~digital_labor.app_work.phase_budgets` frame), with the assumed app work. The waiting
    phase is all cruising where the study says so, else ``cruising`` (default
    :func:`~digital_labor.app_work.default_cruising`) of it. ``budget`` splits each hour (default
    :func:`~digital_labor.app_work.time_budget`)."""
    share = default_cruising() if cruising is None else cruising
    rows = []
    for r in budgets.itertuples():
        c = 1.0 if r.p1_cruising else share
        b = budget(DriverHour(r.p3_pct, r.p2_pct, app_minutes, while_waiting, c))
        label = _two_lines(r.study, r.city, r.service)
        for order, (activity, minutes) in enumerate(
            (
                ("with a passenger", b["with_passenger"]),
                ("driving to a pick-up", b["to_pickup"]),
                ("cruising for work", b["cruising"]),
                ("parked, no app task", b["parked"] - b["app_tasks_while_waiting"]),
                ("app tasks while parked", b["app_tasks_while_waiting"]),
                ("app tasks at other times (model)", b["app_tasks"] - b["app_tasks_while_waiting"]),
            )
        ):
            # Numbered, so that the number written in each segment names the activity as its colour does.
            rows.append({"budget": label, "activity": f"{order + 1} {activity}", "minutes": minutes, "order": order})
    table = pd.DataFrame(rows)
    activities = list(dict.fromkeys(table["activity"]))
    colour = alt.Scale(
        domain=activities, range=[charts.PALETTE[0], charts.PALETTE[4], charts.PALETTE[2], "#cccccc", charts.PALETTE[1], charts.PALETTE[3]]
    )
    base = alt.Chart(table).encode(
        y=alt.Y("budget:N", title=None, axis=TWO_LINE_AXIS),
        x=alt.X("minutes:Q", title="Minutes of a logged-in hour (app tasks at other times are added)", stack="zero"),
        order=alt.Order("order:Q"),
    )
    bars = base.mark_bar(height=22).encode(
        color=alt.Color("activity:N", title="Activity (1 to 3: driving)", scale=colour, sort=activities),
        tooltip=[
            alt.Tooltip("budget:N", title="Study"),
            alt.Tooltip("activity:N", title="Activity"),
            alt.Tooltip("minutes:Q", title="Minutes", format=".1f"),
        ],
    )
    numbers = (
        base.transform_calculate(number="split(datum.activity, ' ')[0]")
        .transform_filter("datum.minutes >= 3")
        .mark_text(dx=-7, fontSize=10, color="black")
        .encode(x=alt.X("minutes:Q", stack="zero", bandPosition=1), text="number:N")
    )
    chart = alt.layer(bars, numbers).properties(width=420, height=40 * budgets.shape[0])
    return charts.describe(
        chart,
        title="A logged-in hour, minute by minute (published phases, modelled app work)",
        description="Stacked bars, one per study that publishes all three phases; activities 1 to 3 are driving: "
        + "; ".join(
            f"{b.replace('|', ', ')}: " + ", ".join(f"{g.activity} {g.minutes:.1f} min" for g in grp.itertuples())
            for b, grp in table.groupby("budget", sort=False)
        )
        + f". The Times publishes its waiting phase as cruising for work; elsewhere {100 * share:.0f} % of waiting is taken "
        f"to be cruising. {APP_WORK_ASSUMPTIONS}",
        datasets=["ride_hail_utilisation"],
        model=_BUDGET_MODEL,
    )


def claim_region_chart(
    grid: pd.DataFrame,
    thresholds: pd.DataFrame,
    *,
    p2_pct: float,
    cruising: float,
    app_minutes: float = APP_MINUTES,
    while_waiting: float = WHILE_WAITING,
) -> alt.LayerChart:
    """Where app work exceeds driving: regions over the share with a passenger and the minutes of
    app work (a :func:`~digital_labor.app_work.claim_grid` frame), recomputed in the page for three
    sliders; the published shares (a :func:`~digital_labor.app_work.study_thresholds` frame) as
    points at the assumed app work."""
    waiting = alt.param(
        name="waiting_share",
        value=round(100 * while_waiting),
        bind=alt.binding_range(min=0, max=100, step=10, name="Share of app work done while waiting (%): "),
    )
    pickup = alt.param(name="pickup", value=p2_pct, bind=alt.binding_range(min=5, max=25, step=1, name="Time driving to pick-ups (%): "))
    cruise = alt.param(
        name="cruising_share",
        value=round(100 * cruising),
        bind=alt.binding_range(min=0, max=100, step=1, name="Share of waiting spent cruising (%): "),
    )
    colour = alt.Scale(domain=REGIONS, range=REGION_COLOURS)
    base = (
        alt.Chart(grid)
        .transform_calculate(waiting="max(0, 0.6 * (100 - datum.p3_pct - pickup))")
        .transform_calculate(
            driving="0.6 * (datum.p3_pct + pickup) + cruising_share / 100 * datum.waiting",
            parked="(1 - cruising_share / 100) * datum.waiting",
        )
        .transform_calculate(
            broad="datum.app_minutes + datum.parked - min(waiting_share / 100 * datum.app_minutes, datum.parked)",
        )
        .transform_calculate(
            region_now=f"datum.app_minutes > datum.driving ? '{REGIONS[0]}' : (datum.broad > datum.driving ? '{REGIONS[1]}' : '{REGIONS[2]}')",
        )
        .encode(
            x=alt.X(
                "app_minutes:O",
                title="Minutes of explicit app work per logged-in hour",
                axis=alt.Axis(values=list(range(0, 61, 10)), labelAngle=0),
            ),
            y=alt.Y(
                "p3_pct:O",
                title="Time with a passenger (% of logged-in time)",
                sort="descending",
                axis=alt.Axis(values=list(range(20, 71, 10))),
            ),
        )
    )
    # A letter in each cell names its region as the colour does (B: both definitions, W: only with waiting).
    letters = (
        base.transform_calculate(letter="slice(datum.region_now, 1, 2) == ':' ? slice(datum.region_now, 0, 1) : ''")
        .mark_text(fontSize=8, color="black")
        .encode(text="letter:N")
    )
    cells = (
        base.mark_rect()
        .encode(
            color=alt.Color("region_now:N", title="App work exceeds driving", scale=colour),
            tooltip=[
                alt.Tooltip("p3_pct:Q", title="With a passenger (%)"),
                alt.Tooltip("app_minutes:Q", title="App work (min per hour)"),
                alt.Tooltip("region_now:N", title="The claim holds"),
            ],
        )
        .add_params(waiting, pickup, cruise)
    )
    shown = thresholds.assign(
        p3_cell=(thresholds["p3_pct"] / 2).round() * 2,
        app_cell=round(app_minutes / 2) * 2.0,
        label=thresholds["study"] + ": " + thresholds["city"].str.split(" \\(").str[0],
    )
    shown = shown[(shown["p3_cell"] >= grid["p3_pct"].min()) & (shown["p3_cell"] <= grid["p3_pct"].max())]
    points = (
        alt.Chart(shown)
        .mark_point(shape="diamond", filled=True, size=60, color="black")
        .encode(
            x="app_cell:O",
            y=alt.Y("p3_cell:O", sort="descending"),
            tooltip=[
                alt.Tooltip("label:N", title="Study"),
                alt.Tooltip("p3_pct:Q", title="With a passenger (%)", format=".1f"),
                alt.Tooltip("narrow_minutes:Q", title="App work needed, narrow (min)", format=".1f"),
                alt.Tooltip("broad_minutes:Q", title="App work needed, broad (min)", format=".1f"),
            ],
        )
    )
    chart = alt.layer(cells, letters, points).properties(width=400, height=340)
    return charts.describe(
        chart,
        title="Where would drivers spend more time on the app than driving? (a model)",
        description=(
            "Region chart over the share of logged-in time with a passenger (20 to 70 %) and the minutes of explicit app work "
            f"per hour (0 to 60), with three sliders: the share of app work done while parked (starting at {100 * while_waiting:.0f} %), "
            f"the time driving to pick-ups (starting at {p2_pct:g} %) and the share of waiting spent cruising (starting at "
            f"{100 * cruising:.0f} %). Driving = with a passenger + to a pick-up + cruising. Dark, marked B: app work alone exceeds "
            "driving; lighter, marked W: only if parked waiting counts as app work; grey: neither. Black diamonds mark published shares at the "
            f"assumed {app_minutes:g} minutes: "
            + "; ".join(
                f"{r.label} {r.p3_pct:.0f} % (needs {r.narrow_minutes:.0f} min narrow, {r.broad_minutes:.0f} min broad)"
                for r in shown.itertuples()
            )
            + f". {APP_WORK_ASSUMPTIONS}"
        ),
        datasets=["ride_hail_utilisation"],
        model=_BUDGET_MODEL,
    )
