# One function of the application image: its own role (least privilege, given as statements),
# its own log group with retention, X-Ray tracing.
variable "name" {
  description = "Function name."
  type        = string
}

variable "image_uri" {
  description = "Image URI (repository:tag)."
  type        = string
}

variable "command" {
  description = "Image command: the handler, e.g. salestalk.lambda_http.handler."
  type        = list(string)
}

variable "memory_mb" {
  description = "Memory (CPU scales with it)."
  type        = number
}

variable "timeout_seconds" {
  description = "Timeout."
  type        = number
}

variable "environment" {
  description = "Environment variables."
  type        = map(string)
  sensitive   = true
}

variable "policy_statements" {
  description = "IAM policy statements of the function's role (beyond logs and tracing)."
  type        = any
}

variable "log_retention_days" {
  description = "CloudWatch Logs retention."
  type        = number
}

variable "reserved_concurrency" {
  description = "Reserved concurrency (a cost and blast-radius cap); -1 for unreserved."
  type        = number
  default     = -1
}

data "aws_partition" "current" {}

resource "aws_cloudwatch_log_group" "this" {
  #checkov:skip=CKV_AWS_158:Log groups are encrypted by CloudWatch by default; a customer managed KMS key costs $1/month, against the idle-cost goal.
  #checkov:skip=CKV_AWS_338:Retention is a variable (30 days in aws.tfvars): logs carry tenant ids and should not be kept a year by default.
  name              = "/aws/lambda/${var.name}"
  retention_in_days = var.log_retention_days
}

resource "aws_iam_role" "this" {
  name = var.name
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "lambda.amazonaws.com" }
      Action    = "sts:AssumeRole"
    }]
  })
}

resource "aws_iam_role_policy" "this" {
  name = "${var.name}-app"
  role = aws_iam_role.this.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = concat(
      [
        {
          Sid      = "OwnLogs"
          Effect   = "Allow"
          Action   = ["logs:CreateLogStream", "logs:PutLogEvents"]
          Resource = ["${aws_cloudwatch_log_group.this.arn}:*"]
        },
        {
          # X-Ray's write API has no resource-level permissions.
          Sid      = "Tracing"
          Effect   = "Allow"
          Action   = ["xray:PutTraceSegments", "xray:PutTelemetryRecords"]
          Resource = ["*"]
        },
      ],
      var.policy_statements,
    )
  })
}

resource "aws_lambda_function" "this" {
  #checkov:skip=CKV_AWS_116:Invoked synchronously by API Gateway only; a dead-letter queue applies to asynchronous invocations.
  #checkov:skip=CKV_AWS_117:The function reaches only AWS APIs (DynamoDB, Bedrock, STS, S3); a VPC would need NAT gateways or endpoints costing far above the idle-cost goal.
  #checkov:skip=CKV_AWS_173:Environment variables are encrypted at rest with the Lambda service key; they hold configuration, and the one secret is read from SSM at deploy time.
  #checkov:skip=CKV_AWS_272:Code signing applies to zip packages; the image is pinned by an immutable, scanned ECR tag.
  function_name                  = var.name
  role                           = aws_iam_role.this.arn
  package_type                   = "Image"
  image_uri                      = var.image_uri
  memory_size                    = var.memory_mb
  timeout                        = var.timeout_seconds
  reserved_concurrent_executions = var.reserved_concurrency
  architectures                  = ["x86_64"]

  image_config {
    command = var.command
  }

  environment {
    variables = var.environment
  }

  logging_config {
    # The app already writes one JSON object a line (salestalk.request_logging); Lambda must not re-wrap it.
    log_format = "Text"
    log_group  = aws_cloudwatch_log_group.this.name
  }

  tracing_config {
    mode = "Active"
  }

  depends_on = [aws_iam_role_policy.this]
}

output "function_name" {
  value = aws_lambda_function.this.function_name
}

output "invoke_arn" {
  value = aws_lambda_function.this.invoke_arn
}

output "arn" {
  value = aws_lambda_function.this.arn
}

output "role_arn" {
  value = aws_iam_role.this.arn
}

output "role_name" {
  value = aws_iam_role.this.name
}
