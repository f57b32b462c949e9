# One CloudWatch dashboard of the app's own figures (core.metrics writes them as EMF, namespace
# SalesTalk, dimension service) beside the functions' and the database's. Dashboards cost $3/month
# each beyond the first three of an account.
variable "name" {
  description = "Dashboard name."
  type        = string
}

variable "region" {
  description = "Region of the metrics."
  type        = string
}

variable "function_names" {
  description = "Functions to chart, by role."
  type        = map(string)
}

variable "database_cluster" {
  description = "Aurora cluster identifier."
  type        = string
}

locals {
  app = ["SalesTalk"]
  app_widgets = [
    { title = "Answer latency (ms)", metrics = [
      [local.app[0], "AnswerLatency", "service", "salestalk", { stat = "p50", label = "p50" }],
      ["...", { stat = "p95", label = "p95" }],
    ] },
    { title = "Questions and clarify rate", metrics = [
      [local.app[0], "Questions", "service", "salestalk", { stat = "Sum", label = "questions" }],
      [local.app[0], "Clarifications", "service", "salestalk", { stat = "Average", label = "clarify rate", yAxis = "right" }],
    ] },
    { title = "Questions by intent", metrics = [
      [{ expression = "SEARCH('{SalesTalk,service,intent} MetricName=\"Questions\"', 'Sum', 300)", id = "intents" }],
    ] },
    { title = "Language model fallbacks and rejections", metrics = [
      [local.app[0], "LLMFallbacks", "service", "salestalk", { stat = "Sum" }],
      [local.app[0], "LLMRejections", "service", "salestalk", { stat = "Sum" }],
    ] },
    { title = "Imports", metrics = [
      [local.app[0], "ImportDuration", "service", "salestalk", { stat = "p95", label = "duration p95 (s)" }],
      [local.app[0], "ImportErrors", "service", "salestalk", { stat = "Sum", label = "errors", yAxis = "right" }],
    ] },
  ]
  function_widgets = [for role, function in var.function_names : {
    title = "${role} function"
    metrics = [
      ["AWS/Lambda", "Invocations", "FunctionName", function, { stat = "Sum" }],
      ["AWS/Lambda", "Errors", "FunctionName", function, { stat = "Sum" }],
      ["AWS/Lambda", "Duration", "FunctionName", function, { stat = "p95", yAxis = "right" }],
    ]
  }]
  database_widget = {
    title = "Database capacity (ACU) and connections"
    metrics = [
      ["AWS/RDS", "ServerlessDatabaseCapacity", "DBClusterIdentifier", var.database_cluster, { stat = "Maximum" }],
      ["AWS/RDS", "DatabaseConnections", "DBClusterIdentifier", var.database_cluster, { stat = "Maximum", yAxis = "right" }],
    ]
  }
  widgets = concat(local.app_widgets, local.function_widgets, [local.database_widget])
}

resource "aws_cloudwatch_dashboard" "this" {
  dashboard_name = var.name
  dashboard_body = jsonencode({
    widgets = [for index, widget in local.widgets : {
      type   = "metric"
      x      = (index % 2) * 12
      y      = floor(index / 2) * 6
      width  = 12
      height = 6
      properties = {
        title   = widget.title
        region  = var.region
        view    = "timeSeries"
        period  = 300
        metrics = widget.metrics
      }
    }]
  })
}

output "name" {
  value = aws_cloudwatch_dashboard.this.dashboard_name
}
