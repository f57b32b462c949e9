# API Gateway HTTP API (payload 2.0) in front of the HTTP function. `/api/*` needs a Cognito JWT
# at the gateway (a cheap first gate: unauthenticated calls never start a function); the app
# validates the token again and scopes it to its tenant. Sign-in, refresh and share links are public.
variable "name" {
  description = "API name."
  type        = string
}

variable "function_name" {
  description = "The HTTP function."
  type        = string
}

variable "function_invoke_arn" {
  description = "Invoke ARN of the HTTP function."
  type        = string
}

variable "jwt_issuer" {
  description = "Cognito user pool issuer URL."
  type        = string
}

variable "jwt_audience" {
  description = "Cognito app client ids accepted."
  type        = list(string)
}

variable "public_routes" {
  description = "Routes under /api that need no JWT at the gateway."
  type        = list(string)
  default     = ["POST /api/auth/token", "POST /api/auth/refresh", "GET /api/share/{token}"]
}

variable "throttle_rate" {
  description = "Steady-state requests per second."
  type        = number
}

variable "throttle_burst" {
  description = "Burst."
  type        = number
}

variable "log_retention_days" {
  description = "Access log retention."
  type        = number
}

resource "aws_apigatewayv2_api" "this" {
  name          = var.name
  protocol_type = "HTTP"
}

resource "aws_apigatewayv2_authorizer" "cognito" {
  api_id           = aws_apigatewayv2_api.this.id
  name             = "cognito"
  authorizer_type  = "JWT"
  identity_sources = ["$request.header.Authorization"]

  jwt_configuration {
    issuer   = var.jwt_issuer
    audience = var.jwt_audience
  }
}

resource "aws_apigatewayv2_integration" "app" {
  api_id                 = aws_apigatewayv2_api.this.id
  integration_type       = "AWS_PROXY"
  integration_uri        = var.function_invoke_arn
  payload_format_version = "2.0"
  timeout_milliseconds   = 29000
}

resource "aws_apigatewayv2_route" "api" {
  api_id             = aws_apigatewayv2_api.this.id
  route_key          = "ANY /api/{proxy+}"
  target             = "integrations/${aws_apigatewayv2_integration.app.id}"
  authorization_type = "JWT"
  authorizer_id      = aws_apigatewayv2_authorizer.cognito.id
}

resource "aws_apigatewayv2_route" "public" {
  #checkov:skip=CKV_AWS_309:Sign-in, token refresh and share links are public by design; the app authenticates each itself.
  for_each  = toset(var.public_routes)
  api_id    = aws_apigatewayv2_api.this.id
  route_key = each.value
  target    = "integrations/${aws_apigatewayv2_integration.app.id}"
}

resource "aws_apigatewayv2_route" "pages" {
  #checkov:skip=CKV_AWS_309:The Django pages (sign-in, chat, admin) authenticate with their own session; they carry no JWT.
  api_id    = aws_apigatewayv2_api.this.id
  route_key = "$default"
  target    = "integrations/${aws_apigatewayv2_integration.app.id}"
}

resource "aws_cloudwatch_log_group" "access" {
  #checkov:skip=CKV_AWS_158:Encrypted by CloudWatch by default; a customer managed KMS key costs $1/month, against the idle-cost goal.
  #checkov:skip=CKV_AWS_338:Retention is a variable (30 days in aws.tfvars).
  name              = "/aws/apigateway/${var.name}"
  retention_in_days = var.log_retention_days
}

resource "aws_apigatewayv2_stage" "default" {
  api_id      = aws_apigatewayv2_api.this.id
  name        = "$default"
  auto_deploy = true

  default_route_settings {
    throttling_rate_limit  = var.throttle_rate
    throttling_burst_limit = var.throttle_burst
  }

  access_log_settings {
    destination_arn = aws_cloudwatch_log_group.access.arn
    # No query strings or headers: nothing secret ends up in the logs.
    format = jsonencode({
      requestId        = "$context.requestId", ip = "$context.identity.sourceIp", time = "$context.requestTimeEpoch",
      routeKey         = "$context.routeKey", status = "$context.status", latencyMs = "$context.responseLatency",
      integrationError = "$context.integrationErrorMessage", authorizerError = "$context.authorizer.error",
      tenantId         = "$context.authorizer.claims.custom:tenant_id"
    })
  }
}

resource "aws_lambda_permission" "api" {
  statement_id  = "http-api"
  action        = "lambda:InvokeFunction"
  function_name = var.function_name
  principal     = "apigateway.amazonaws.com"
  source_arn    = "${aws_apigatewayv2_api.this.execution_arn}/*/*"
}

output "id" {
  value = aws_apigatewayv2_api.this.id
}

output "endpoint" {
  value = aws_apigatewayv2_api.this.api_endpoint
}

output "name" {
  value = aws_apigatewayv2_api.this.name
}
