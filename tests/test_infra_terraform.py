"""Terraform against the code it deploys, parsed with python-hcl2: tables, handlers, settings, references.

``terraform validate`` needs the AWS provider (CI downloads it); these checks need nothing.
"""
from __future__ import annotations

import fnmatch
import re
from pathlib import Path

import hcl2
import pytest
from pynamodb.attributes import NumberAttribute

from chat.models import ConnectionIndexItem, ConnectionItem
from collab.models import ShareItem
from tenants.models import TenantRegistryItem
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


def stored_attributes(model) -> dict:
    """Attributes by their stored (DynamoDB) name, whatever the Python name."""
    return {attribute.attr_name: attribute for attribute in model.get_attributes().values()}


def key_schema(model) -> tuple[str, str | None]:
    attributes = model.get_attributes().values()
    hash_key = next(a.attr_name for a in attributes if a.is_hash_key)
    range_key = next((a.attr_name for a in attributes if a.is_range_key), None)
    return hash_key, range_key


@pytest.mark.parametrize(
    ("module_name", "table_suffix", "model", "ttl"),
    [
        ("registry_table", "tenants", TenantRegistryItem, None),
        ("shares_table", "shares", ShareItem, "expiresAt"),
        ("connections_table", "connections", ConnectionIndexItem, "expiresAt"),
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
        assert isinstance(stored_attributes(model)[ttl], NumberAttribute)  # TTL needs epoch seconds


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
    assert isinstance(stored_attributes(ConnectionItem)["expiresAt"], NumberAttribute)


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


# --- Issue 14 and 12: database, Hosted UI, metrics, Athena, uploads -----------------------------------------

LOCALS = {k: v for block in ROOT_CONFIG["locals"] for k, v in block.items()}


def module_resources(name: str) -> dict[str, dict]:
    resources: dict[str, dict] = {}
    for block in load(TERRAFORM / "modules" / name).get("resource", []):
        for kind, bodies in block.items():
            for resource_name, body in bodies.items():
                resources[f"{kind}.{resource_name}"] = body
    return resources


def statements_by_sid(statements: list[dict]) -> dict[str, dict]:
    return {statement["Sid"]: statement for statement in statements}


def actions_of(statements: list[dict]) -> set[str]:
    return {action for statement in statements for action in statement["Action"]}


def test_the_throttle_table_matches_the_shared_counter_store():
    from tenants.throttle_store import TTL_ATTRIBUTE, throttle_table_name

    module = global_table("throttles_table")
    assert module["name"] == "${var.table_prefix}throttles"
    assert throttle_table_name().endswith("throttles")
    assert (module["hash_key"], module["ttl_attribute"]) == ("key", TTL_ATTRIBUTE)
    assert "dynamodb:UpdateItem" in statements_by_sid(LOCALS["common_statements"])["ThrottleCounters"]["Action"]


@pytest.mark.parametrize(
    ("module_name", "command"),
    [("migrate_function", "salestalk.lambda_migrate.handler"), ("import_function", "salestalk.lambda_import.handler")],
)
def test_the_one_off_functions_run_handlers_that_exist(module_name, command):
    assert MODULES[module_name]["command"] == [command]
    module, attribute = command.rsplit(".", 1)
    source = (ROOT / (module.replace(".", "/") + ".py")).read_text()
    assert re.search(rf"^def {attribute}\(", source, re.MULTILINE), command


def test_the_database_scales_to_zero_takes_iam_tokens_over_tls_and_is_what_django_reads():
    from salestalk.database import IAM_SCHEME, database_config

    resources = module_resources("database")
    cluster = resources["aws_rds_cluster.this"]
    assert cluster["engine"] == "aurora-postgresql"
    assert cluster["serverlessv2_scaling_configuration"][0]["min_capacity"] == 0
    assert cluster["iam_database_authentication_enabled"] is True and cluster["storage_encrypted"] is True
    assert cluster["manage_master_user_password"] is True  # the master password exists only in Secrets Manager
    parameters = {p["name"]: p["value"] for p in resources["aws_rds_cluster_parameter_group.this"]["parameter"]}
    assert parameters["rds.force_ssl"] == "1"
    assert resources["aws_rds_cluster_instance.this"]["instance_class"] == "db.serverless"
    outputs = named(load(TERRAFORM / "modules" / "database")["output"])
    url = outputs["url"]["value"]
    assert url.startswith(f"{IAM_SCHEME}://${{var.app_user}}@")
    # The URL Terraform builds is one Django turns into the IAM backend.
    concrete = url.replace("${var.app_user}", "salestalk_app").replace("${aws_rds_cluster.this.endpoint}", "db.example")
    concrete = concrete.replace("${aws_rds_cluster.this.port}", "5432").replace(
        "${aws_rds_cluster.this.database_name}", "salestalk"
    )
    config = database_config(url=concrete, sqlite_path="")
    assert (config["ENGINE"], config["USER"], config["OPTIONS"]["sslmode"]) == (
        "salestalk.postgresql_iam", "salestalk_app", "require"
    )
    connect = outputs["connect_arn"]["value"]
    assert connect.endswith(":dbuser:${aws_rds_cluster.this.cluster_resource_id}/${var.app_user}")
    assert re.search(r"DATABASE_URL\s+= module\.database\[0\]\.url", (TERRAFORM / "main.tf").read_text())


def test_only_the_migrate_function_reads_the_master_secret_and_the_ws_function_has_no_database():
    text = (TERRAFORM / "main.tf").read_text()
    assert text.count("secretsmanager:GetSecretValue") == 1
    migrate = statements_by_sid(MODULES["migrate_function"]["policy_statements"])
    assert migrate["MasterSecret"]["Resource"] == ["${module.database[0].master_secret_arn}"]
    assert migrate["DjangoDatabase"]["Action"] == ["rds-db:connect"]
    assert '"SALESTALK_DATABASE_MASTER_SECRET_ARN": "${module.database[0].master_secret_arn}"' in MODULES[
        "migrate_function"]["environment"]
    assert "MASTER_SECRET" not in MODULES["http_function"]["environment"]
    assert "rds-db:connect" in actions_of(LOCALS["http_statements"])
    assert "rds-db:connect" not in actions_of(LOCALS["common_statements"])  # the WebSocket function's


def test_the_http_function_may_post_to_websocket_connections_and_start_imports():
    http = statements_by_sid(LOCALS["http_statements"])
    assert http["PostToConnections"]["Action"] == ["execute-api:ManageConnections"]
    assert "@connections/*" in http["PostToConnections"]["Resource"]
    assert "module.import_function[0].arn" in http["StartImports"]["Resource"]


def test_the_hosted_ui_redirects_to_the_pages_own_sign_in_routes():
    from django.urls import reverse

    assert MODULES["cognito"]["callback_urls"] == ["${local.app_origin}" + reverse("cognito:callback")]
    assert MODULES["cognito"]["logout_urls"] == ["${local.app_origin}" + reverse("cognito:login")]
    web = module_resources("cognito")["aws_cognito_user_pool_client.web"]
    assert web["generate_secret"] is False  # a public client: PKCE in tenants.hosted_ui, no secret to leak
    assert "ALLOW_REFRESH_TOKEN_AUTH" in web["explicit_auth_flows"]
    main = (TERRAFORM / "main.tf").read_text()
    assert re.search(r"SALESTALK_COGNITO_DOMAIN\s+= module\.cognito\[0\]\.domain_url", main)


def test_an_email_change_takes_effect_only_once_the_new_email_is_verified():
    # Users may write their own email (the web client's write_attributes); unverified, it must not become theirs,
    # or a person could take on any address (the pages find people by a verified email).
    pool = module_resources("cognito")["aws_cognito_user_pool.this"]
    web = module_resources("cognito")["aws_cognito_user_pool_client.web"]
    assert "email" in web["write_attributes"] and "email" in pool["auto_verified_attributes"]
    [update_settings] = pool["user_attribute_update_settings"]
    assert update_settings["attributes_require_verification_before_update"] == ["email"]


def test_athena_has_a_per_query_scan_limit_expiring_results_and_tenant_tables_only():
    resources = module_resources("analytics")
    configuration = resources["aws_athena_workgroup.this"]["configuration"][0]
    assert configuration["enforce_workgroup_configuration"] is True
    assert configuration["bytes_scanned_cutoff_per_query"] == "${var.bytes_scanned_cutoff}"
    expiry = resources["aws_s3_bucket_lifecycle_configuration.results"]["rule"][0]["expiration"][0]
    assert expiry == {"days": "${var.results_expire_days}"}
    variables = named(ROOT_CONFIG["variable"])
    assert 0 < variables["athena_bytes_scanned_cutoff"]["default"] <= 100 * 1024**3
    # Athena and Glue run with a tenant's scoped credentials only: the tenant role grants them, no function does.
    tenant_policy = (TERRAFORM / "main.tf").read_text().split('resource "aws_iam_role_policy" "tenant"')[1]
    glue = tenant_policy[tenant_policy.index('Sid    = "GlueTenantTables"'):].split("},")[0]
    assert "glue:CreateTable" in glue and "/tenant_*" in glue and "glue_database}/*" not in glue
    for function in ("http_function", "import_function", "ws_function"):
        assert not re.search(r"athena|glue", MODULES[function]["policy_statements"]), function


def test_tenant_files_are_granted_under_the_prefix_the_app_writes(tenant):
    from metrics.files import version_file_name
    from metrics.uploads import upload_name

    # The functions' own role reaches tenants' uploads (presigned POSTs), never their dataset files: those are
    # read and written with the tenant's scoped credentials (metrics.files.tenant_storage).
    [pattern] = re.findall(r'uploads_bucket_arn\}/([^"]+)"', LOCALS["tenant_uploads_arn"])
    assert pattern == "tenants/*/uploads/*"
    assert fnmatch.fnmatchcase(upload_name(tenant=tenant, upload_id="up_1"), pattern)
    assert not fnmatch.fnmatchcase(version_file_name(tenant=tenant, version="v_1"), pattern)
    assert "tenant_objects_arn" not in (TERRAFORM / "main.tf").read_text()


def test_uploads_accept_presigned_posts_from_the_app_origin_only():
    cors = module_resources("static_site")["aws_s3_bucket_cors_configuration.uploads"]["cors_rule"][0]
    assert cors["allowed_methods"] == ["POST"] and cors["allowed_origins"] == "${var.upload_origins}"
    assert MODULES["static_site"]["upload_origins"] == ["${local.app_origin}"]


def test_alarms_watch_error_rate_and_p95_answer_latency_of_the_emf_figures(settings):
    from core.metrics import NAMESPACE, emf_document

    resources = module_resources("alarms")
    rate = resources["aws_cloudwatch_metric_alarm.error_rate"]
    assert {q["id"] for q in rate["metric_query"]} == {"rate", "errors", "invocations"}
    latency = resources["aws_cloudwatch_metric_alarm.answer_latency"]
    document = emf_document(name="AnswerLatency", value=1, unit="Milliseconds", tenant_id="acme", dimensions={},
                            timestamp_ms=0)
    assert (latency["namespace"], latency["metric_name"], latency["extended_statistic"]) == (
        NAMESPACE, "AnswerLatency", "p95"
    )
    # The alarm's dimensions are exactly a dimension set every AnswerLatency document publishes.
    assert list(latency["dimensions"]) in document["_aws"]["CloudWatchMetrics"][0]["Dimensions"]
    assert latency["dimensions"] == {"service": document["service"]}
    dashboard = module_resources("dashboard")["aws_cloudwatch_dashboard.this"]
    assert dashboard["dashboard_name"] == "${var.name}"


def test_the_tenant_role_reaches_only_its_own_tenants_file_prefix(tenant):
    from metrics.files import version_file_name

    policies = [b["aws_iam_role_policy"] for b in ROOT_CONFIG["resource"] if "aws_iam_role_policy" in b]
    text = next(policy["tenant"] for policy in policies if "tenant" in policy)["policy"]
    [pattern] = re.findall(r'uploads_bucket_arn\}/(tenants/\$\$\{aws:PrincipalTag/tenantId\}/\*)"', text)
    own = pattern.replace("$${aws:PrincipalTag/tenantId}", tenant.tenant_id)
    assert re.fullmatch(re.escape(own).replace(r"\*", ".*"), version_file_name(tenant=tenant, version="v_1"))
    assert not re.fullmatch(re.escape(own).replace(r"\*", ".*"), "tenants/other/datasets/v_1.parquet")


def test_the_deploy_migrates_then_smoke_tests_after_applying():
    import yaml

    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "deploy.yml").read_text())
    steps = [step.get("name", "") for step in workflow["jobs"]["deploy"]["steps"]]
    wanted = ("terraform apply", "migrate the database", "smoke test (sign in, upload, ask)")
    order = [steps.index(name) for name in wanted]
    assert order == sorted(order), steps
    migrate = workflow["jobs"]["deploy"]["steps"][order[1]]["run"]
    assert "terraform output -raw migrate_function" in migrate and "FunctionError" in migrate and "exit 1" in migrate
    smoke = workflow["jobs"]["deploy"]["steps"][order[2]]
    assert "python3 -m salestalk.smoke_test" in smoke["run"]
    assert smoke["env"]["SMOKE_PASSWORD"] == "${{ secrets.SMOKE_PASSWORD }}"
    outputs = named(ROOT_CONFIG["output"])
    assert {"migrate_function", "http_api_url", "user_pool_id", "user_pool_client_id", "function_names"} <= set(outputs)


def test_functions_and_the_tenant_role_can_use_athena_for_tenants_past_one_function():
    main = (TERRAFORM / "main.tf").read_text()
    for setting in ("SALESTALK_ATHENA_WORKGROUP", "SALESTALK_GLUE_DATABASE", "SALESTALK_ATHENA_RESULTS_BUCKET"):
        assert re.search(rf"{setting}\s+= module\.analytics\[0\]\.", main), setting
    tenant_policy = main[main.index('resource "aws_iam_role_policy" "tenant"'):]
    for sid in ("AthenaWorkgroup", "GlueTenantTables", "AthenaResults", "ListOwnTenantFiles"):
        assert re.search(rf'Sid\s+= "{sid}"', tenant_policy), sid
    assert "tenants/$${aws:PrincipalTag/tenantId}/*" in tenant_policy
