"""Charts of firm scale: Facebook's users against its employees, and revenue per employee by firm.

Every builder takes frames from :mod:`digital_labor.firm_scale` and returns a described chart;
none loads its own data.
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from .. import charts
from .data import FACEBOOK_DAU, FAMILY_DAP

__all__ = ["capitalisation_chart", "daily_users_chart", "revenue_per_employee_chart", "users_employees_chart"]

SERIES = ["monthly active users", "employees"]
KINDS = ["platform", "traditional"]
GROUPS = ["one of the five GAFAM", "another firm"]
SHORT_NAMES = {"Berkshire Hathaway": "Berkshire", "Exxon Mobil": "Exxon", "Meta Platforms": "Meta", "Saudi Aramco": "Aramco"}


def _index_panel(frame: pd.DataFrame) -> alt.LayerChart:
    first = int(frame["year"].min())
    long = pd.concat(
        [
            pd.DataFrame(
                {"year": frame["year"], "series": SERIES[0], "index": frame["users_index"], "level": frame["users_millions"] * 1e6}
            ),
            pd.DataFrame(
                {"year": frame["year"], "series": SERIES[1], "index": frame["employees_index"], "level": frame["employees"].astype(float)}
            ),
        ],
        ignore_index=True,
    )
    colour, shape = charts.category_scales(SERIES)
    base = alt.Chart(long).encode(
        x=alt.X("year:O", title="Year (users: fourth quarter; employees: 31 December)"),
        y=alt.Y("index:Q", title=f"Level, {first} = 100 (log scale)", scale=alt.Scale(type="log")),
        color=alt.Color("series:N", title=None, scale=colour, legend=alt.Legend(orient="top-left")),
    )
    points = base.mark_point(filled=True, size=70).encode(
        shape=alt.Shape("series:N", title=None, scale=shape),
        tooltip=[
            alt.Tooltip("series:N", title="Series"),
            alt.Tooltip("year:O", title="Year"),
            alt.Tooltip("level:Q", title="Number", format=",.0f"),
            alt.Tooltip("index:Q", title=f"Index ({first} = 100)", format=".0f"),
        ],
    )
    return (base.mark_line() + points).properties(width=300, height=260, title="Growth of users and of employees")


def _ratio_panel(frame: pd.DataFrame) -> alt.LayerChart:
    shown = frame.assign(thousands=frame["users_per_employee"] / 1000)
    bars = (
        alt.Chart(shown)
        .mark_bar(color=charts.PALETTE[0])
        .encode(
            x=alt.X("year:O", title="Year"),
            y=alt.Y("thousands:Q", title="Monthly active users per employee (thousands)"),
            tooltip=[
                alt.Tooltip("year:O", title="Year"),
                alt.Tooltip("users_per_employee:Q", title="Users per employee", format=",.0f"),
                alt.Tooltip("confidence:N", title="Confidence"),
            ],
        )
    )
    labels = bars.mark_text(dy=-6, fontSize=10).encode(text=alt.Text("thousands:Q", format=".0f"))
    return (bars + labels).properties(width=260, height=260, title="Users per employee")


def users_employees_chart(frame: pd.DataFrame) -> alt.HConcatChart:
    """Facebook's users and employees indexed to the first year, and users per employee (a
    :func:`~digital_labor.firm_scale.users_employees` frame)."""
    first, last = frame.iloc[0], frame.iloc[-1]
    peak = frame.loc[frame["users_per_employee"].idxmax()]
    chart = alt.hconcat(_index_panel(frame), _ratio_panel(frame)).resolve_scale(color="independent")
    return charts.describe(
        chart,
        title=f"Facebook's users grew, its employees grew faster, {int(first.year)}-{int(last.year)}",
        description=(
            f"Two panels. Left: monthly active users and employees, each set to 100 in {int(first.year)}, on a log scale; by "
            f"{int(last.year)} users are at {last.users_index:.0f} and employees at {last.employees_index:.0f}. Right: users per "
            f"employee by year, from {first.users_per_employee:,.0f} in {int(first.year)} to {last.users_per_employee:,.0f} in "
            f"{int(last.year)}; highest in {int(peak.year)}. Values: "
            + "; ".join(
                f"{int(r.year)}: {r.users_millions:,.0f} million users, {r.employees:,} employees, {r.users_per_employee:,.0f} users each"
                for r in frame.itertuples()
            )
            + "."
        ),
        datasets=["facebook_users_employees"],
    )


def revenue_per_employee_chart(firms: pd.DataFrame) -> alt.LayerChart:
    """Revenue per employee by firm, platform and traditional firms told apart by colour and shape
    (a :func:`~digital_labor.firm_scale.firms_fy2016` frame)."""
    colour, shape = charts.category_scales(KINDS)
    order = list(firms.sort_values("revenue_per_employee_musd", ascending=False)["company"])
    base = alt.Chart(firms).encode(
        y=alt.Y("company:N", title=None, sort=order),
        x=alt.X("revenue_per_employee_musd:Q", title="Revenue per employee (US$ million, fiscal 2016)"),
    )
    # A stem from zero to each dot (a field, not alt.datum: Vega-Lite cannot compile a datum x with a field x2).
    rules = base.transform_calculate(zero="0").mark_rule(color="#bbbbbb").encode(x="zero:Q", x2="revenue_per_employee_musd:Q")
    dots = base.mark_point(filled=True, size=110).encode(
        color=alt.Color("kind:N", title="Kind of firm", scale=colour),
        shape=alt.Shape("kind:N", title="Kind of firm", scale=shape),
        tooltip=[
            alt.Tooltip("company:N", title="Company"),
            alt.Tooltip("kind:N", title="Kind"),
            alt.Tooltip("revenue_musd:Q", title="Revenue (US$ million)", format=",.0f"),
            alt.Tooltip("employees:Q", title="Employees", format=",.0f"),
            alt.Tooltip("revenue_per_employee_musd:Q", title="Revenue per employee (US$ million)", format=".2f"),
        ],
    )
    labels = base.mark_text(align="left", dx=9, fontSize=11).encode(text=alt.Text("revenue_per_employee_musd:Q", format=".2f"))
    chart = alt.layer(rules, dots, labels).properties(width=480, height=260)
    return charts.describe(
        chart,
        title="Revenue per employee: platform and traditional firms, fiscal 2016",
        description="Dot chart of revenue per employee in US$ million, highest first: "
        + "; ".join(f"{r.company} ({r.kind}) {r.revenue_per_employee_musd:.2f}" for r in firms.itertuples())
        + ".",
        datasets=["platform_firms_fy2016"],
    )


def capitalisation_chart(rankings: pd.DataFrame, summary: pd.DataFrame) -> alt.LayerChart:
    """Each firm's place in each dated ranking, the GAFAM told apart by colour and shape, with the
    line below the top five (frames from :func:`~digital_labor.firm_scale.capitalisation_rankings`
    and :func:`~digital_labor.firm_scale.top_five_by_date`)."""
    order = list(summary["ranking"])
    shown = rankings.assign(group=rankings["gafam"].map({True: GROUPS[0], False: GROUPS[1]}), label=rankings["firm"].replace(SHORT_NAMES))
    colour, shape = charts.category_scales(GROUPS)
    base = alt.Chart(shown).encode(
        x=alt.X(
            "ranking:N",
            title="Dated ranking (date, kind of value, firms ranked)",
            sort=order,
            axis=alt.Axis(labelAngle=-35, labelLimit=260),
        ),
        y=alt.Y(
            "rank:Q",
            title="Place by market capitalisation (1 = largest)",
            scale=alt.Scale(reverse=True, domain=[0.5, 8.5]),
            axis=alt.Axis(values=list(range(1, 9)), grid=False),
        ),
    )
    dots = base.mark_point(filled=True, size=110).encode(
        # Titled for the table of values; the legend needs no title.
        color=alt.Color("group:N", title="Group of firms", scale=colour, legend=alt.Legend(orient="top", title=None)),
        shape=alt.Shape("group:N", title="Group of firms", scale=shape, legend=alt.Legend(orient="top", title=None)),
        tooltip=[
            alt.Tooltip("ranking:N", title="Ranking"),
            alt.Tooltip("firm:N", title="Firm"),
            alt.Tooltip("rank:Q", title="Place"),
            alt.Tooltip("market_cap_usd_bn:Q", title="Market capitalisation (US$ billion)", format=",.0f"),
            alt.Tooltip("source:N", title="Source"),
            alt.Tooltip("confidence:N", title="Confidence"),
        ],
    )
    names = base.mark_text(align="left", dx=8, fontSize=10).encode(text="label:N")
    line = alt.Chart(pd.DataFrame({"y": [5.5]})).mark_rule(strokeDash=[4, 4], color="#777777").encode(y="y:Q")
    chart = alt.layer(line, dots, names).properties(width=760, height=300)
    held = summary[summary["holds"]]
    return charts.describe(
        chart,
        title="The five GAFAM held the top five places in few of the dated rankings",
        description=(
            "Dot chart of each firm's place by market capitalisation in each dated ranking, 1 at the top, with a dashed line "
            f"under place 5. The five firms held the top five places in {len(held)} of {len(summary)} rankings. "
            + "; ".join(
                f"{r.ranking}: {'' if r.complete else 'at most '}{r.gafam_in_top_five} of the five in the top five, "
                f"others in it: {r.others_in_top_five}"
                for r in summary.itertuples()
            )
            + "."
        ),
        datasets=["market_capitalisation"],
    )


def daily_users_chart(users: pd.DataFrame) -> alt.Chart:
    """Facebook's daily active users and Meta's daily active people across its apps, December of
    each year: two lines that overlap in 2022-2023 and are not one series."""
    colour, shape = charts.category_scales([FACEBOOK_DAU, FAMILY_DAP])
    base = alt.Chart(users).encode(
        x=alt.X("year:Q", title="Year (December average)", axis=alt.Axis(format="d", tickMinStep=1)),
        y=alt.Y("millions:Q", title="Daily users or people (millions)", scale=alt.Scale(domain=[0, 4000])),
        color=alt.Color("series:N", title="Series", scale=colour, legend=alt.Legend(orient="bottom", labelLimit=300)),
    )
    lines = base.mark_line(strokeWidth=2)
    points = base.mark_point(filled=True, size=60).encode(
        shape=alt.Shape("series:N", title="Series", scale=shape),
        tooltip=[
            alt.Tooltip("series:N", title="Series"),
            alt.Tooltip("year:Q", title="Year", format="d"),
            alt.Tooltip("millions:Q", title="Millions (December average)", format=",.0f"),
            alt.Tooltip("dataset:N", title="Dataset"),
        ],
    )
    chart = alt.layer(lines, points).properties(width=460, height=260)
    return charts.describe(
        chart,
        title="Facebook's daily users end with 2023; Meta's daily people begin in 2022",
        description="December averages in millions. "
        + " ".join(
            f"{series}: " + ", ".join(f"{row.year} {row.millions:,.0f}" for row in group.itertuples()) + "."
            for series, group in users.groupby("series", sort=False)
        ),
        datasets=sorted(set(users["dataset"])),
    )
