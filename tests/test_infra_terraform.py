"""Terraform against the code it deploys, parsed with python-hcl2: tables, handlers, settings, references.

``terraform validate`` needs the AWS provider (CI downloads it); these checks need nothing.
"""
from __future__ import annotations

import re
from pathlib import Path

import hcl2
import pytest
from pynamodb.attributes import NumberAttribute

from chat.lambda_ws import ConnectionIndex, ConnectionItem
from collab.models import ShareItem
from tenants.models import TenantRecord
from tenants.services import TENANT_TTL_ATTRIBUTE
from tenants.storage import tenant_table_name

ROOT = Path(__file__).resolve().parent.parent
TERRAFORM = ROOT / "terraform"
MODULE_DIRS = [TERRAFORM, *sorted(p for p in (TERRAFORM / "modules").iterdir() if p.is_dir())]


def load(directory: Path) -> dict[str, list]:
    merged: dict[str, list] = {}
    for path in sorted(directory.glob("*.tf")):
        with open(path) as stream:
            for key, blocks in hcl2.load(stream).items():
                merged.setdefault(key, []).extend(blocks)
    return merged


def named(blocks: list[dict]) -> dict[str, dict]:
    return {name: body for block in blocks for name, body in block.items()}


ROOT_CONFIG = load(TERRAFORM)
MODULES = named(ROOT_CONFIG["module"])
TABLE_MODULE = load(TERRAFORM / "modules" / "dynamodb_table")


def global_table(module_name: str) -> dict:
    module = MODULES[module_name]
    assert module["source"] == "./modules/dynamodb_table"
    return module


def key_schema(model) -> tuple[str, str | None]:
    attributes = model.get_attributes().values()
    hash_key = next(a.attr_name for a in attributes if a.is_hash_key)
    range_key = next((a.attr_name for a in attributes if a.is_range_key), None)
    return hash_key, range_key


@pytest.mark.parametrize(
    ("module_name", "table_suffix", "model", "ttl"),
    [
        ("registry_table", "tenants", TenantRecord, None),
        ("shares_table", "shares", ShareItem, "expiresAt"),
        ("connections_table", "connections", ConnectionIndex, "expiresAt"),
    ],
)
def test_global_tables_match_their_models(module_name, table_suffix, model, ttl):
    module = global_table(module_name)
    assert module["name"] == "${var.table_prefix}" + table_suffix
    hash_key, range_key = key_schema(model)
    assert module["hash_key"] == hash_key
    assert range_key is None  # the table module declares a hash key only
    assert model._get_schema()["global_secondary_indexes"] == []  # and no GSI
    assert module.get("ttl_attribute") == ttl
    if ttl:
        assert isinstance(model.get_attributes()[ttl], NumberAttribute)  # TTL needs epoch seconds


def test_the_table_module_keys_on_a_string_and_bills_on_demand():
    table = named(TABLE_MODULE["resource"])["aws_dynamodb_table"]["this"]
    assert table["billing_mode"] == "PAY_PER_REQUEST"
    assert table["attribute"] == [{"name": "${var.hash_key}", "type": "S"}]
    assert [s["enabled"] for s in table["server_side_encryption"]] == [True]
    ttl = table["dynamic"][0]["ttl"]
    assert ttl["content"][0] == {"attribute_name": "${ttl.value}", "enabled": True}


def test_tenant_tables_ttl_attribute_is_what_their_expiring_items_use():
    # Onboarding enables TTL on this attribute; connection items (and tickets) rely on it.
    assert TENANT_TTL_ATTRIBUTE == "expiresAt"
    assert isinstance(ConnectionItem.get_attributes()["expiresAt"], NumberAttribute)


def test_the_iam_tenant_table_pattern_covers_onboarded_tables_and_nothing_global(settings):
    locals_ = {k: v for block in ROOT_CONFIG["locals"] for k, v in block.items()}
    pattern = locals_["tenant_tables_arn"].split("/", 1)[1]  # after "${local.table_arn}/"
    assert pattern == "${var.table_prefix}tenant-*"
    settings.SALESTALK_TABLE_PREFIX = "salestalk-"
    glob = re.compile(re.escape(pattern.replace("${var.table_prefix}", "salestalk-")).replace(r"\*", ".*") + "$")
    assert glob.match(tenant_table_name("acme"))
    for global_name in ("salestalk-tenants", "salestalk-shares", "salestalk-connections"):
        assert not glob.match(global_name)


def test_table_management_is_granted_on_tenant_tables_only():
    text = (TERRAFORM / "main.tf").read_text()
    statement = text[text.index('Sid    = "TenantTableLifecycle"'):]
    statement = statement[: statement.index("},")]
    assert '"dynamodb:CreateTable", "dynamodb:DeleteTable"' in statement
    assert "Resource = [local.tenant_tables_arn]" in statement
    assert text.count("dynamodb:CreateTable") == 1 and text.count("dynamodb:DeleteTable") == 1


def test_functions_run_the_handlers_that_exist():
    assert MODULES["http_function"]["command"] == ["salestalk.lambda_http.handler"]
    assert MODULES["ws_function"]["command"] == ["chat.lambda_ws.handler"]
    for command in ("salestalk.lambda_http.handler", "chat.lambda_ws.handler"):
        module, attribute = command.rsplit(".", 1)
        source = (ROOT / (module.replace(".", "/") + ".py")).read_text()
        assert re.search(rf"^(def {attribute}\(|{attribute} = )", source, re.MULTILINE), command


def test_every_salestalk_variable_terraform_sets_is_read_by_the_app():
    text = (TERRAFORM / "main.tf").read_text()
    names = set(re.findall(r"^\s+SALESTALK_([A-Z_]+)\s+=", text, re.MULTILINE))
    read = set()
    for path in [*(ROOT / "salestalk").rglob("*.py")]:
        read |= set(re.findall(r'(?:env_(?:str|int|float|bool|list)|secret)\("([A-Z_]+)"', path.read_text()))
    assert names and names <= read, sorted(names - read)


REFERENCE = re.compile(r"(?<![\w$])(var|local|module)\.([a-z0-9_]+)(?:\[\d+\])?(?:\.([a-z0-9_]+))?")


@pytest.mark.parametrize("directory", MODULE_DIRS, ids=lambda p: p.name)
def test_every_reference_resolves(directory):
    """What ``terraform validate`` checks first, and cannot check offline without the provider."""
    config = load(directory)
    variables = set(named(config.get("variable", [])))
    locals_ = {name for block in config.get("locals", []) for name in block}
    if directory == TERRAFORM:
        locals_ |= {name for block in load(TERRAFORM).get("locals", []) for name in block}
    modules = named(config.get("module", []))
    outputs = {
        name: set(named(load((directory / body["source"]).resolve()).get("output", [])))
        for name, body in modules.items()
    }
    text = "\n".join(
        line for path in directory.glob("*.tf") for line in path.read_text().splitlines()
        if not line.lstrip().startswith("#")
    )
    missing = []
    for kind, name, attribute in REFERENCE.findall(text):
        if kind == "var" and name not in variables:
            missing.append(f"var.{name}")
        elif kind == "local" and name not in locals_:
            missing.append(f"local.{name}")
        elif kind == "module" and (name not in outputs or (attribute and attribute not in outputs[name])):
            missing.append(f"module.{name}.{attribute}")
    assert missing == []


@pytest.mark.parametrize("name", sorted(MODULES))
def test_module_calls_pass_declared_variables_and_every_required_one(name):
    body = MODULES[name]
    declared = named(load((TERRAFORM / body["source"]).resolve()).get("variable", []))
    passed = set(body) - {"source", "count", "for_each", "depends_on", "providers"}
    assert passed <= set(declared), passed - set(declared)
    required = {n for n, v in declared.items() if "default" not in v}
    assert required <= passed, required - passed


def test_both_workspaces_have_tfvars_naming_themselves():
    for workspace in ("local", "aws"):
        with open(TERRAFORM / "env" / f"{workspace}.tfvars") as stream:
            tfvars = hcl2.load(stream)
        assert tfvars["workspace"] == workspace
        declared = set(named(ROOT_CONFIG["variable"]))
        assert set(tfvars) <= declared, set(tfvars) - declared
