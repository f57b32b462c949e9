# API Gateway WebSocket API: $connect / $disconnect / $default all go to the WebSocket function,
# which authenticates $connect itself (single-use ticket or Bearer header) and answers through
# the management API (post_to_connection).
variable "name" {
  description = "API name."
  type        = string
}

variable "stage" {
  description = "Stage name (part of the wss:// URL and of the management endpoint)."
  type        = string
  default     = "live"
}

variable "function_name" {
  description = "The WebSocket function."
  type        = string
}

variable "function_invoke_arn" {
  description = "Invoke ARN of the WebSocket function."
  type        = string
}

variable "throttle_rate" {
  description = "Steady-state messages per second."
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
  name                       = var.name
  protocol_type              = "WEBSOCKET"
  route_selection_expression = "$request.body.type"
}

resource "aws_apigatewayv2_integration" "app" {
  api_id             = aws_apigatewayv2_api.this.id
  integration_type   = "AWS_PROXY"
  integration_uri    = var.function_invoke_arn
  integration_method = "POST"
}

resource "aws_apigatewayv2_route" "this" {
  #checkov:skip=CKV_AWS_309:$connect is authenticated by the function (single-use ticket from the JWT-protected HTTP API); $disconnect and $default are bound to an authenticated connection.
  for_each  = toset(["$connect", "$disconnect", "$default"])
  api_id    = aws_apigatewayv2_api.this.id
  route_key = each.value
  target    = "integrations/${aws_apigatewayv2_integration.app.id}"
}

resource "aws_cloudwatch_log_group" "access" {
  #checkov:skip=CKV_AWS_158:Encrypted by CloudWatch by default; a customer managed KMS key costs $1/month, against the idle-cost goal.
  #checkov:skip=CKV_AWS_338:Retention is a variable (30 days in aws.tfvars).
  name              = "/aws/apigateway/${var.name}"
  retention_in_days = var.log_retention_days
}

resource "aws_apigatewayv2_stage" "this" {
  #checkov:skip=CKV2_AWS_51:Browsers connect here; they cannot present client certificates. Connections are authenticated by ticket or JWT.
  api_id      = aws_apigatewayv2_api.this.id
  name        = var.stage
  auto_deploy = true

  default_route_settings {
    throttling_rate_limit  = var.throttle_rate
    throttling_burst_limit = var.throttle_burst
  }

  access_log_settings {
    destination_arn = aws_cloudwatch_log_group.access.arn
    # The connect query string holds the ticket: never log it.
    format = jsonencode({
      requestId = "$context.requestId", ip = "$context.identity.sourceIp", time = "$context.requestTimeEpoch",
      routeKey  = "$context.routeKey", eventType = "$context.eventType", connectionId = "$context.connectionId",
      status    = "$context.status", integrationError = "$context.integrationErrorMessage"
    })
  }
}

resource "aws_lambda_permission" "api" {
  statement_id  = "websocket-api"
  action        = "lambda:InvokeFunction"
  function_name = var.function_name
  principal     = "apigateway.amazonaws.com"
  source_arn    = "${aws_apigatewayv2_api.this.execution_arn}/*/*"
}

output "id" {
  value = aws_apigatewayv2_api.this.id
}

output "url" {
  value = "${aws_apigatewayv2_api.this.api_endpoint}/${aws_apigatewayv2_stage.this.name}"
}

output "name" {
  value = aws_apigatewayv2_api.this.name
}

output "execution_arn" {
  value = aws_apigatewayv2_api.this.execution_arn
}

output "stage" {
  value = aws_apigatewayv2_stage.this.name
}
