"""import_metrics, eval_setup, bootstrap_demo and generate_dataset, as the Makefile runs them."""
from __future__ import annotations

import io
from datetime import date, timedelta

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command

from metrics.selectors import current_dataset, get_semantic_model, query
from tenants.selectors import get_tenant_context

GOOD = "date,region,revenue\n2024-01-01,EMEA,10\n2024-01-02,APAC,5\n"


def run(*args) -> str:
    out = io.StringIO()
    call_command(*args, stdout=out, stderr=io.StringIO(), verbosity=0)
    return out.getvalue()


def test_import_metrics_imports_and_refuses_to_replace_unless_asked(tenant, tmp_path):
    path = tmp_path / "sales.csv"
    path.write_text(GOOD)
    assert "Imported 2 rows (2024-01-01 to 2024-01-02; dimensions region (2)" in run("import_metrics", "acme", path)
    with pytest.raises(CommandError, match="already has a dataset"):
        run("import_metrics", "acme", path)
    path.write_text(GOOD + "2024-01-03,EMEA,not-a-number\n")
    with pytest.raises(CommandError, match="line 4, column 'revenue'"):
        run("import_metrics", "acme", path, "--replace")
    with pytest.raises(CommandError, match="Unknown tenant"):
        run("import_metrics", "nobody", path)
    with pytest.raises(CommandError, match="No such file"):
        run("import_metrics", "acme", tmp_path / "missing.csv")


def test_import_metrics_shows_progress(tenant, tmp_path):
    path = tmp_path / "sales.csv"
    path.write_text(GOOD)
    err = io.StringIO()
    call_command("import_metrics", "acme", path, stdout=io.StringIO(), stderr=err)
    assert "writing the version" in err.getvalue() and "validating" in err.getvalue()


def test_import_metrics_names_roles_and_reports_each_column(tenant, tmp_path):
    path = tmp_path / "stores.csv"
    path.write_text("date,store_id,Demo Requests\n2024-01-01,17,5\n2024-01-01,18,2\n")
    out = run("import_metrics", "acme", path, "--dimensions", "store_id")
    assert "Columns: date: date; store_id: dimension; Demo Requests: measure demo_requests." in out
    assert get_semantic_model(tenant=tenant).dimensions == {"store_id": ("17", "18")}


def test_import_metrics_says_how_many_rows_it_added_together_under_the_columns(tenant, tmp_path):
    path = tmp_path / "orders.csv"
    path.write_text("date,region,revenue\n2024-01-01,EMEA,10\n2024-01-01,EMEA,5\n2024-01-01,APAC,1\n"
                    "2024-01-01,EMEA,2\n")
    out = run("import_metrics", "acme", path)
    assert out.startswith("Imported 2 rows") and out.endswith(
        "Columns: date: date; region: dimension; revenue: measure.\n"
        "2 rows shared a date and members with an earlier row and were added together.\n")
    assert query(tenant=tenant, start=date(2024, 1, 1), end=date(2024, 1, 1)).total.sums == {"revenue": 18}


@pytest.mark.django_db
def test_eval_setup_creates_the_tenant_and_reimports_only_a_changed_file(tmp_path):
    path = tmp_path / "acme.csv"
    path.write_text(GOOD)
    assert "imported 2 rows" in run("eval_setup", "--tenant", "acme-eval", "--data", path)
    tenant = get_tenant_context(tenant_id="acme-eval")
    version = current_dataset(tenant=tenant).version
    assert "unchanged" in run("eval_setup", "--tenant", "acme-eval", "--data", path)
    assert current_dataset(tenant=tenant).version == version
    path.write_text(GOOD + "2024-01-03,EMEA,1\n")
    assert "imported 3 rows" in run("eval_setup", "--tenant", "acme-eval", "--data", path)
    assert tenant.currency == "USD"


@pytest.mark.django_db
def test_eval_setup_creates_a_tenant_in_its_currency(tmp_path):
    path = tmp_path / "bramble.csv"
    path.write_text(GOOD)
    run("eval_setup", "--tenant", "bramble-eval", "--data", path, "--currency", "GBP")
    assert get_tenant_context(tenant_id="bramble-eval").currency == "GBP"


@pytest.mark.django_db
def test_bootstrap_demo_is_idempotent_and_makes_a_staff_user(monkeypatch):
    start = date.today() - timedelta(days=45)
    monkeypatch.setattr("metrics.management.commands.bootstrap_demo.DEMO_START", start)
    args = ("bootstrap_demo", "--tenant", "demo", "--email", "Demo@Example.com", "--password", "demo-password-123")
    assert "ready: " in run(*args)
    tenant = get_tenant_context(tenant_id="demo")
    model = get_semantic_model(tenant=tenant)
    assert list(model.dimensions) == ["region", "channel", "product", "category"]
    assert (model.first_date, model.last_date) == (start, date.today() - timedelta(days=1))
    assert query(tenant=tenant, start=start, end=model.last_date).total.sums["revenue"] > 0
    user = get_user_model().objects.get(username="demo@example.com")
    assert user.is_staff and user.check_password("demo-password-123") and user.membership.tenant_id == "demo"

    assert "dataset kept" in run(*args)
    assert current_dataset(tenant=tenant).version == model.version


def test_generate_dataset_is_deterministic_and_a_longer_range_extends_a_shorter_one(tmp_path):
    a, b = tmp_path / "a.csv", tmp_path / "b.csv"
    run("generate_dataset", a, "--start", "2024-12-01", "--end", "2025-01-31")
    run("generate_dataset", b, "--start", "2024-12-01", "--end", "2025-02-28")
    assert b.read_text().startswith(a.read_text()) and len(b.read_text()) > len(a.read_text())
    assert "Wrote 1,500 rows (2025-01-01 to 2025-05-05)" in run(
        "generate_dataset", b, "--start", "2025-01-01", "--rows", "1500"
    )
