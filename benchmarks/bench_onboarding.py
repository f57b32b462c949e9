"""Tenant onboarding against local DynamoDB: create the table, wait until ACTIVE, register (goal ≤ 2 s)."""
from __future__ import annotations

import time

from benchmarks.figures import Figure, latency_figures
from tenants.services import offboard_tenant, onboard_tenant


def run(ctx) -> list[Figure]:
    samples = []
    for n in range(3 if ctx.quick else 10):
        started = time.perf_counter()
        onboard_tenant(tenant_id=f"bench-{n}", name=f"Bench {n}", owner_email=f"owner@bench{n}.example")
        samples.append((time.perf_counter() - started) * 1000)
    for n in range(len(samples)):
        offboard_tenant(tenant_id=f"bench-{n}")
    return latency_figures(area="tenants", name="onboarding", samples_ms=samples, p95_goal_ms=2000)
