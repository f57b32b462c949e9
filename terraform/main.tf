# SalesTalk on AWS: one image, two functions (HTTP via API Gateway HTTP API, WebSocket via API
# Gateway WebSocket API), DynamoDB on demand (global tables here; one table per tenant created by
# onboarding at run time, never by Terraform), Cognito, Bedrock, S3 + CloudFront for static files.

data "aws_partition" "current" {}
data "aws_caller_identity" "current" {}

locals {
  # LocalStack Community has no ECR, API Gateway v2, Cognito or CloudFront: the `local` workspace
  # then provisions the data plane only (tables, buckets, roles), unless var.localstack_pro.
  full_stack = !local.is_local || var.localstack_pro

  partition = data.aws_partition.current.partition
  account   = data.aws_caller_identity.current.account_id
  table_arn = "arn:${local.partition}:dynamodb:${var.region}:${local.account}:table"

  # Matches tenants.storage.tenant_table_name(): "<prefix>tenant-<id>".
  tenant_tables_arn = "${local.table_arn}/${var.table_prefix}tenant-*"
  tenant_role_name  = "${var.name}-tenant"
  tenant_role_arn   = "arn:${local.partition}:iam::${local.account}:role/${local.tenant_role_name}"

  # A cross-region inference profile id ("us.anthropic…") is invoked through the profile, which
  # routes to the foundation model in any of its regions.
  bedrock_profile    = can(regex("^(us|eu|apac|us-gov|global)\\.", var.bedrock_model_id))
  bedrock_base_model = local.bedrock_profile ? join(".", slice(split(".", var.bedrock_model_id), 1, length(split(".", var.bedrock_model_id)))) : var.bedrock_model_id
  bedrock_resources = local.bedrock_profile ? [
    "arn:${local.partition}:bedrock:${var.region}:${local.account}:inference-profile/${var.bedrock_model_id}",
    "arn:${local.partition}:bedrock:*::foundation-model/${local.bedrock_base_model}",
  ] : ["arn:${local.partition}:bedrock:${var.region}::foundation-model/${var.bedrock_model_id}"]

  image_uri = local.full_stack ? "${module.ecr[0].repository_url}:${var.image_tag}" : ""

  # The app's own origin, known before the function (only the API resource is needed).
  app_host   = local.full_stack ? "${module.http_api[0].id}.execute-api.${var.region}.amazonaws.com" : ""
  app_origin = "https://${local.app_host}"
  # Matches metrics.uploads: tenants/<id>/uploads/…, presigned and read with the function's own role. Dataset
  # files (tenants/<id>/datasets/…) and Athena are reached only with a tenant's scoped credentials (the tenant role).
  tenant_uploads_arn = local.full_stack ? "${module.static_site[0].uploads_bucket_arn}/tenants/*/uploads/*" : ""
}

# Applying aws.tfvars to the local workspace (or the reverse) stops here.
resource "terraform_data" "workspace_guard" {
  input = terraform.workspace

  lifecycle {
    precondition {
      condition     = var.workspace == terraform.workspace
      error_message = "These tfvars are for workspace '${var.workspace}', but the selected workspace is '${terraform.workspace}'."
    }
  }
}

# --- Global tables (keys must match the PynamoDB models; tests/test_terraform_tables.py checks) ---

module "registry_table" {
  source              = "./modules/dynamodb_table"
  name                = "${var.table_prefix}tenants"
  hash_key            = "tenantId"
  deletion_protection = var.deletion_protection
}

module "shares_table" {
  source              = "./modules/dynamodb_table"
  name                = "${var.table_prefix}shares"
  hash_key            = "tokenHash"
  ttl_attribute       = "expiresAt"
  deletion_protection = var.deletion_protection
}

# Throttle and lockout counters every instance shares (tenants/throttle_store.py), expiring with their window.
module "throttles_table" {
  source              = "./modules/dynamodb_table"
  name                = "${var.table_prefix}throttles"
  hash_key            = "key"
  ttl_attribute       = "expiresAt"
  deletion_protection = false
}

module "connections_table" {
  source              = "./modules/dynamodb_table"
  name                = "${var.table_prefix}connections"
  hash_key            = "connectionId"
  ttl_attribute       = "expiresAt"
  deletion_protection = var.deletion_protection
}

# --- Image, identity, static files ---

module "ecr" {
  count  = local.full_stack ? 1 : 0
  source = "./modules/ecr"
  name   = var.name
}

module "cognito" {
  count               = local.full_stack ? 1 : 0
  source              = "./modules/cognito"
  name                = var.name
  deletion_protection = var.deletion_protection
  domain_prefix       = "${var.name}-${local.account}"
  callback_urls       = ["${local.app_origin}/auth/cognito/callback"]
  logout_urls         = ["${local.app_origin}/auth/cognito/login"]
}

module "database" {
  count                 = local.full_stack ? 1 : 0
  source                = "./modules/database"
  name                  = var.name
  database_name         = "salestalk"
  app_user              = "salestalk_app"
  max_acu               = var.database_max_acu
  pause_after_seconds   = var.database_pause_after_seconds
  allowed_cidrs         = var.database_allowed_cidrs
  deletion_protection   = var.deletion_protection
  backup_retention_days = 7
}

module "analytics" {
  count                = local.full_stack ? 1 : 0
  source               = "./modules/analytics"
  name                 = var.name
  bytes_scanned_cutoff = var.athena_bytes_scanned_cutoff
  results_expire_days  = 1
}

module "static_site" {
  count          = local.full_stack ? 1 : 0
  source         = "./modules/static_site"
  name           = var.name
  price_class    = var.static_price_class
  upload_origins = [local.app_origin]
}

data "aws_ssm_parameter" "secret_key" {
  count = local.full_stack ? 1 : 0
  name  = var.secret_key_parameter
}

data "aws_ssm_parameter" "jwt_secret" {
  count = local.full_stack ? 1 : 0
  name  = var.jwt_secret_parameter
}

# --- Permissions -------------------------------------------------------------------------------

locals {
  item_actions = [
    "dynamodb:GetItem", "dynamodb:BatchGetItem", "dynamodb:Query", "dynamodb:PutItem", "dynamodb:UpdateItem",
    "dynamodb:DeleteItem", "dynamodb:BatchWriteItem", "dynamodb:ConditionCheckItem", "dynamodb:DescribeTable",
  ]

  # Both functions: their tenants' tables (items only), the registry (read), connections, Bedrock,
  # and assuming the tenant role (tenants/credentials.py) with a tenantId session tag.
  common_statements = [
    {
      Sid      = "TenantTableItems"
      Effect   = "Allow"
      Action   = local.item_actions
      Resource = [local.tenant_tables_arn, "${local.tenant_tables_arn}/index/*"]
    },
    {
      Sid      = "RegistryRead"
      Effect   = "Allow"
      Action   = ["dynamodb:GetItem", "dynamodb:DescribeTable"]
      Resource = [module.registry_table.arn]
    },
    {
      Sid      = "Connections"
      Effect   = "Allow"
      Action   = ["dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:DeleteItem"]
      Resource = [module.connections_table.arn]
    },
    {
      Sid      = "ThrottleCounters"
      Effect   = "Allow"
      Action   = ["dynamodb:GetItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem", "dynamodb:DescribeTable"]
      Resource = [module.throttles_table.arn]
    },
    {
      Sid      = "Bedrock"
      Effect   = "Allow"
      Action   = ["bedrock:InvokeModel", "bedrock:InvokeModelWithResponseStream"]
      Resource = local.bedrock_resources
    },
    {
      Sid      = "TenantScopedCredentials"
      Effect   = "Allow"
      Action   = ["sts:AssumeRole", "sts:TagSession"]
      Resource = [local.tenant_role_arn]
    },
  ]

  # HTTP only: onboarding and offboarding (create/delete tenant tables), the registry, share links, uploads.
  http_statements = [
    {
      Sid    = "TenantTableLifecycle"
      Effect = "Allow"
      Action = [
        "dynamodb:CreateTable", "dynamodb:DeleteTable", "dynamodb:DescribeTimeToLive",
        "dynamodb:UpdateTimeToLive", "dynamodb:TagResource",
      ]
      Resource = [local.tenant_tables_arn]
    },
    {
      Sid      = "RegistryWrite"
      Effect   = "Allow"
      Action   = ["dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:Scan"]
      Resource = [module.registry_table.arn]
    },
    {
      Sid      = "Shares"
      Effect   = "Allow"
      Action   = ["dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:DeleteItem", "dynamodb:DescribeTable", "dynamodb:DescribeTimeToLive"]
      Resource = [module.shares_table.arn]
    },
    {
      Sid      = "TenantFiles"
      Effect   = "Allow"
      Action   = ["s3:GetObject", "s3:PutObject", "s3:DeleteObject"]
      Resource = local.full_stack ? ["${module.static_site[0].uploads_bucket_arn}/uploads/*", local.tenant_uploads_arn] : []
    },
    {
      Sid      = "DjangoDatabase"
      Effect   = "Allow"
      Action   = ["rds-db:connect"]
      Resource = local.full_stack ? [module.database[0].connect_arn] : []
    },
    {
      # REST-side events (chat.events) reach the browsers' WebSocket connections.
      Sid      = "PostToConnections"
      Effect   = "Allow"
      Action   = ["execute-api:ManageConnections"]
      Resource = local.full_stack ? ["${module.websocket_api[0].execution_arn}/${module.websocket_api[0].stage}/*/@connections/*"] : []
    },
    {
      Sid      = "StartImports"
      Effect   = "Allow"
      Action   = ["lambda:InvokeFunction"]
      Resource = local.full_stack ? [module.import_function[0].arn] : []
    },
  ]

  app_environment = local.full_stack ? {
    DJANGO_SETTINGS_MODULE          = "salestalk.settings.aws"
    SALESTALK_AWS_REGION            = var.region
    SALESTALK_TABLE_PREFIX          = var.table_prefix
    SALESTALK_TENANT_ROLE_ARN       = local.tenant_role_arn
    SALESTALK_SECRET_KEY            = data.aws_ssm_parameter.secret_key[0].value
    SALESTALK_JWT_SECRET            = data.aws_ssm_parameter.jwt_secret[0].value
    SALESTALK_AUTH_ISSUER           = "cognito"
    SALESTALK_COGNITO_ISSUER        = module.cognito[0].issuer
    SALESTALK_COGNITO_JWKS_URL      = module.cognito[0].jwks_url
    SALESTALK_COGNITO_CLIENT_ID     = module.cognito[0].client_id
    SALESTALK_COGNITO_DOMAIN        = module.cognito[0].domain_url
    DATABASE_URL                    = module.database[0].url
    SALESTALK_LLM                   = "bedrock"
    SALESTALK_BEDROCK_MODEL_ID      = var.bedrock_model_id
    SALESTALK_STATIC_BUCKET         = module.static_site[0].static_bucket
    SALESTALK_STATIC_HOST           = module.static_site[0].static_host
    SALESTALK_UPLOAD_BUCKET         = module.static_site[0].uploads_bucket
    SALESTALK_DATASET_BUCKET        = module.static_site[0].uploads_bucket
    SALESTALK_ATHENA_WORKGROUP      = module.analytics[0].workgroup
    SALESTALK_GLUE_DATABASE         = module.analytics[0].glue_database
    SALESTALK_ATHENA_RESULTS_BUCKET = module.analytics[0].results_bucket
    SALESTALK_LOG_LEVEL             = "INFO"
  } : {}
}

# The role whose credentials a request gets for its own tenant (tenants/credentials.py): the
# session policy names one table; this policy independently allows only the table named by the
# session's tenantId tag. Trusted only by the two function roles.
resource "aws_iam_role" "tenant" {
  count                = local.full_stack ? 1 : 0
  name                 = local.tenant_role_name
  max_session_duration = 3600
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid       = "FunctionsOnly"
      Effect    = "Allow"
      Principal = { AWS = [module.http_function[0].role_arn, module.ws_function[0].role_arn, module.import_function[0].role_arn] }
      Action    = ["sts:AssumeRole", "sts:TagSession"]
      Condition = { StringLike = { "aws:RequestTag/tenantId" = "?*" } }
    }]
  })
}

resource "aws_iam_role_policy" "tenant" {
  count = local.full_stack ? 1 : 0
  name  = "own-tenant-table"
  role  = aws_iam_role.tenant[0].id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid    = "TaggedTenantTable"
        Effect = "Allow"
        Action = local.item_actions
        Resource = [
          "${local.table_arn}/${var.table_prefix}tenant-$${aws:PrincipalTag/tenantId}",
          "${local.table_arn}/${var.table_prefix}tenant-$${aws:PrincipalTag/tenantId}/index/*",
        ]
      },
      {
        # Where a request's credentials also reach files (issue 12.7), only its own tenant's prefix.
        Sid      = "TaggedTenantFiles"
        Effect   = "Allow"
        Action   = ["s3:GetObject", "s3:PutObject", "s3:DeleteObject", "s3:AbortMultipartUpload"]
        Resource = ["${module.static_site[0].uploads_bucket_arn}/tenants/$${aws:PrincipalTag/tenantId}/*"]
      },
      {
        # Athena queries and the import's Glue table (issue 12.6) run with the request's credentials only: the
        # session policy narrows these to the tenant's own Glue tables; Glue names cannot hold the tag's hyphens,
        # hence tenant_*.
        Sid      = "AthenaWorkgroup"
        Effect   = "Allow"
        Action   = ["athena:StartQueryExecution", "athena:GetQueryExecution", "athena:GetQueryResults", "athena:StopQueryExecution", "athena:GetWorkGroup"]
        Resource = [module.analytics[0].workgroup_arn]
      },
      {
        Sid    = "GlueTenantTables"
        Effect = "Allow"
        Action = ["glue:GetDatabase", "glue:GetTable", "glue:GetTables", "glue:GetPartitions", "glue:CreateTable", "glue:DeleteTable"]
        Resource = [
          "arn:${local.partition}:glue:${var.region}:${local.account}:catalog",
          "arn:${local.partition}:glue:${var.region}:${local.account}:database/${module.analytics[0].glue_database}",
          "arn:${local.partition}:glue:${var.region}:${local.account}:table/${module.analytics[0].glue_database}/tenant_*",
        ]
      },
      {
        Sid      = "AthenaResults"
        Effect   = "Allow"
        Action   = ["s3:GetObject", "s3:PutObject", "s3:AbortMultipartUpload", "s3:GetBucketLocation", "s3:ListBucket"]
        Resource = [module.analytics[0].results_bucket_arn, "${module.analytics[0].results_bucket_arn}/results/*"]
      },
      {
        Sid       = "ListOwnTenantFiles"
        Effect    = "Allow"
        Action    = ["s3:ListBucket", "s3:GetBucketLocation"]
        Resource  = [module.static_site[0].uploads_bucket_arn]
        Condition = { StringLike = { "s3:prefix" = ["tenants/$${aws:PrincipalTag/tenantId}/*"] } }
      },
      {
        Sid       = "OwnRegistryItem"
        Effect    = "Allow"
        Action    = ["dynamodb:GetItem"]
        Resource  = [module.registry_table.arn]
        Condition = { "ForAllValues:StringEquals" = { "dynamodb:LeadingKeys" = ["$${aws:PrincipalTag/tenantId}"] } }
      },
    ]
  })
}

# --- Functions and APIs -------------------------------------------------------------------------

module "http_function" {
  count              = local.full_stack ? 1 : 0
  source             = "./modules/lambda_function"
  name               = "${var.name}-http"
  image_uri          = local.image_uri
  command            = ["salestalk.lambda_http.handler"]
  memory_mb          = var.http_memory_mb
  timeout_seconds    = var.lambda_timeout_seconds
  log_retention_days = var.log_retention_days
  policy_statements  = concat(local.common_statements, local.http_statements)
  environment = merge(local.app_environment, {
    SALESTALK_ALLOWED_HOSTS        = local.app_host
    SALESTALK_CSRF_TRUSTED_ORIGINS = local.app_origin
    SALESTALK_IMPORT_FUNCTION      = module.import_function[0].function_name
  })
}

# Django's migrations, one synchronous invocation per deploy (the deploy workflow waits for it). Only this
# function may read the cluster's master secret, to create the app's IAM login role on first deploy.
module "migrate_function" {
  count              = local.full_stack ? 1 : 0
  source             = "./modules/lambda_function"
  name               = "${var.name}-migrate"
  image_uri          = local.image_uri
  command            = ["salestalk.lambda_migrate.handler"]
  memory_mb          = 1024
  timeout_seconds    = 300
  log_retention_days = var.log_retention_days
  environment = merge(local.app_environment, {
    SALESTALK_DATABASE_MASTER_SECRET_ARN = module.database[0].master_secret_arn
  })
  policy_statements = [
    {
      Sid      = "DjangoDatabase"
      Effect   = "Allow"
      Action   = ["rds-db:connect"]
      Resource = [module.database[0].connect_arn]
    },
    {
      Sid      = "MasterSecret"
      Effect   = "Allow"
      Action   = ["secretsmanager:GetSecretValue"]
      Resource = [module.database[0].master_secret_arn]
    },
  ]
}

# Dataset imports, one asynchronous invocation per import job (metrics.import_queue), up to 15 minutes.
module "import_function" {
  count              = local.full_stack ? 1 : 0
  source             = "./modules/lambda_function"
  name               = "${var.name}-import"
  image_uri          = local.image_uri
  command            = ["salestalk.lambda_import.handler"]
  memory_mb          = var.import_memory_mb
  timeout_seconds    = 900
  log_retention_days = var.log_retention_days
  environment        = local.app_environment
  policy_statements = concat(local.common_statements, [
    {
      Sid      = "TenantUploads"
      Effect   = "Allow"
      Action   = ["s3:GetObject", "s3:DeleteObject"]
      Resource = [local.tenant_uploads_arn]
    },
  ])
}

module "ws_function" {
  count              = local.full_stack ? 1 : 0
  source             = "./modules/lambda_function"
  name               = "${var.name}-ws"
  image_uri          = local.image_uri
  command            = ["chat.lambda_ws.handler"]
  memory_mb          = var.ws_memory_mb
  timeout_seconds    = var.lambda_timeout_seconds
  log_retention_days = var.log_retention_days
  environment        = local.app_environment
  policy_statements = concat(local.common_statements, [{
    Sid      = "PostToOwnConnections"
    Effect   = "Allow"
    Action   = ["execute-api:ManageConnections"]
    Resource = ["${module.websocket_api[0].execution_arn}/${module.websocket_api[0].stage}/*/@connections/*"]
  }])
}

module "http_api" {
  count               = local.full_stack ? 1 : 0
  source              = "./modules/http_api"
  name                = "${var.name}-http"
  function_name       = module.http_function[0].function_name
  function_invoke_arn = module.http_function[0].invoke_arn
  jwt_issuer          = module.cognito[0].issuer
  jwt_audience        = [module.cognito[0].client_id]
  throttle_rate       = var.api_throttle_rate
  throttle_burst      = var.api_throttle_burst
  log_retention_days  = var.log_retention_days
}

module "websocket_api" {
  count               = local.full_stack ? 1 : 0
  source              = "./modules/websocket_api"
  name                = "${var.name}-ws"
  function_name       = module.ws_function[0].function_name
  function_invoke_arn = module.ws_function[0].invoke_arn
  throttle_rate       = var.api_throttle_rate
  throttle_burst      = var.api_throttle_burst
  log_retention_days  = var.log_retention_days
}

module "alarms" {
  count              = local.full_stack ? 1 : 0
  source             = "./modules/alarms"
  name               = var.name
  function_names     = { http = module.http_function[0].function_name, ws = module.ws_function[0].function_name }
  timeout_seconds    = var.lambda_timeout_seconds
  http_api_id        = module.http_api[0].id
  email              = var.alarm_email
  error_rate_percent = var.alarm_error_rate_percent
  answer_p95_ms      = var.alarm_answer_p95_ms
}

module "dashboard" {
  count  = local.full_stack ? 1 : 0
  source = "./modules/dashboard"
  name   = var.name
  region = var.region
  function_names = {
    http    = module.http_function[0].function_name
    ws      = module.ws_function[0].function_name
    import  = module.import_function[0].function_name
    migrate = module.migrate_function[0].function_name
  }
  database_cluster = module.database[0].cluster_identifier
}
