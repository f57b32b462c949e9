variable "workspace" {
  description = "The workspace these values are for; must equal `terraform workspace show` (guards against applying aws.tfvars to local and vice versa)."
  type        = string
}

variable "region" {
  description = "AWS region of the whole stack."
  type        = string
}

variable "name" {
  description = "Name prefix of every resource (functions, APIs, roles, buckets)."
  type        = string
  default     = "salestalk"
}

variable "table_prefix" {
  description = "SALESTALK_TABLE_PREFIX: the registry is `<prefix>tenants`, tenant tables `<prefix>tenant-<id>`."
  type        = string
  default     = "salestalk-"

  validation {
    condition     = can(regex("^[A-Za-z0-9_.-]{1,200}$", var.table_prefix))
    error_message = "Table prefix may only contain letters, digits, '_', '.' and '-'."
  }
}

variable "image_tag" {
  description = "Tag of the application image in ECR (the deploy workflow passes the commit SHA)."
  type        = string
}

variable "localstack_endpoint" {
  description = "LocalStack edge URL, used only in the `local` workspace."
  type        = string
  default     = "http://localhost:4566"
}

variable "bedrock_model_id" {
  description = "Bedrock model or cross-region inference profile id (e.g. `us.anthropic...`) the app may invoke."
  type        = string
  default     = "anthropic.claude-3-haiku-20240307-v1:0"
}

variable "secret_key_parameter" {
  description = "SSM SecureString parameter holding Django's SECRET_KEY (created once by hand, see docs/deployment.md)."
  type        = string
  default     = "/salestalk/secret-key"
}

variable "jwt_secret_parameter" {
  description = "SSM SecureString parameter holding the separate JWT signing secret (created once by hand, like the SECRET_KEY)."
  type        = string
  default     = "/salestalk/jwt-secret"
}

variable "http_memory_mb" {
  description = "Memory of the HTTP function. CPU scales with it: 1,769 MB is one full vCPU, which keeps the init phase (Django and every view, ~1.1 s of CPU) near its 1.5 s goal (docs/cost-and-scale.md)."
  type        = number
  default     = 1769
}

variable "ws_memory_mb" {
  description = "Memory of the WebSocket function."
  type        = number
  default     = 512
}

variable "lambda_timeout_seconds" {
  description = "Function timeout; API Gateway gives up after 29-30 s anyway."
  type        = number
  default     = 29
}

variable "log_retention_days" {
  description = "CloudWatch Logs retention for function and API access logs."
  type        = number
  default     = 30
}

variable "api_throttle_rate" {
  description = "Steady-state requests per second per API stage (a cost and abuse brake)."
  type        = number
  default     = 50
}

variable "api_throttle_burst" {
  description = "Burst of requests per API stage."
  type        = number
  default     = 100
}

variable "deletion_protection" {
  description = "Protect the registry table and the user pool from deletion."
  type        = bool
  default     = true
}

variable "alarm_email" {
  description = "Where CloudWatch alarms are mailed; empty for no subscription."
  type        = string
  default     = ""
}

variable "static_price_class" {
  description = "CloudFront price class of the static files distribution."
  type        = string
  default     = "PriceClass_100"
}

variable "tags" {
  description = "Extra tags on every resource."
  type        = map(string)
  default     = {}
}

variable "localstack_pro" {
  description = "In the `local` workspace, LocalStack Pro serves ECR, API Gateway v2, Cognito and CloudFront too: provision the whole stack."
  type        = bool
  default     = false
}

variable "database_max_acu" {
  description = "Upper bound of the Django database's capacity (Aurora capacity units; 1 ACU ≈ 2 GiB)."
  type        = number
  default     = 2
}

variable "database_pause_after_seconds" {
  description = "Idle seconds before the Django database pauses at 0 ACUs (resuming takes ~15 s)."
  type        = number
  default     = 600
}

variable "database_allowed_cidrs" {
  description = "Networks that may reach PostgreSQL (TLS and IAM tokens only). Lambda outside a VPC has no fixed addresses."
  type        = list(string)
  default     = ["0.0.0.0/0"]
}

variable "athena_bytes_scanned_cutoff" {
  description = "Athena's per-query scan limit in bytes (10 GB = $0.05 at $5/TB)."
  type        = number
  default     = 10737418240
}

variable "import_memory_mb" {
  description = "Memory of the import function (CPU scales with it; DuckDB and pyarrow use both)."
  type        = number
  default     = 3008
}

variable "alarm_error_rate_percent" {
  description = "Share of failed invocations of a function within 5 minutes that alarms."
  type        = number
  default     = 5
}

variable "alarm_answer_p95_ms" {
  description = "p95 answer latency that alarms."
  type        = number
  default     = 3000
}
