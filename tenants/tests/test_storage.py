import threading

import pytest

from core.errors import TenantScopeError
from tenants.context import TenantContext
from tenants.storage import TenantItem, bind, bound_connection


class Note(TenantItem):
    pass


def test_unbound_model_refuses_to_reach_any_table():
    with pytest.raises(TenantScopeError):
        Note.get("x", "y")
    with pytest.raises(TenantScopeError):
        list(Note.query("x"))


def test_bind_without_tenant_raises():
    with pytest.raises(TenantScopeError):
        bind(Note, tenant=None)


def test_bound_models_are_cached_and_share_one_connection_per_table(make_tenant):
    acme, globex = make_tenant("acme"), make_tenant("globex")
    assert bind(Note, tenant=acme) is bind(Note, tenant=acme)
    assert bind(Note, tenant=acme) is not bind(Note, tenant=globex)

    class Other(TenantItem):
        pass

    assert bind(Other, tenant=acme)._get_connection() is bind(Note, tenant=acme)._get_connection()
    assert not hasattr(Note.Meta, "table_name")


def test_bound_connection_is_the_bound_models_own_and_refuses_an_unbound_model(make_tenant):
    acme, globex = make_tenant("acme"), make_tenant("globex")
    connection = bound_connection(model=bind(Note, tenant=acme))
    assert connection is bind(Note, tenant=acme)._get_connection()
    assert connection.table_name == acme.table_name
    assert bound_connection(model=bind(Note, tenant=globex)).table_name == globex.table_name
    with pytest.raises(TenantScopeError):
        bound_connection(model=Note)


def test_items_stay_in_their_tenants_table(make_tenant):
    acme, globex = make_tenant("acme"), make_tenant("globex")
    bind(Note, tenant=acme)(pk="N", sk="1").save()
    assert bind(Note, tenant=acme).count("N") == 1
    assert bind(Note, tenant=globex).count("N") == 0


def test_concurrent_binding_never_crosses_tables(make_tenant):
    tenants = [make_tenant(f"tenant-{i}") for i in range(4)]
    errors: list[str] = []

    def write(tenant: TenantContext) -> None:
        for n in range(10):
            bind(Note, tenant=tenant)(pk="W", sk=f"{tenant.tenant_id}-{n}").save()

    threads = [threading.Thread(target=write, args=(t,)) for t in tenants]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    for tenant in tenants:
        keys = {item.sk.rsplit("-", 1)[0] for item in bind(Note, tenant=tenant).query("W")}
        if keys != {tenant.tenant_id}:
            errors.append(f"{tenant.tenant_id}: {keys}")
    assert errors == []
