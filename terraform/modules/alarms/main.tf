# CloudWatch alarms to one SNS topic: function errors, throttles and near-timeouts, HTTP API 5xx.
# Alarms cost $0.10 each per month whatever the traffic ($0.30 for metric math); this set is 4 per
# function + 2.
variable "name" {
  description = "Prefix of alarm names and the topic."
  type        = string
}

variable "function_names" {
  description = "Functions to watch, by role (http, ws)."
  type        = map(string)
}

variable "timeout_seconds" {
  description = "The functions' timeout; p95 duration above 80% of it alarms."
  type        = number
}

variable "http_api_id" {
  description = "HTTP API to watch for 5xx."
  type        = string
}

variable "error_rate_percent" {
  description = "Share of a function's invocations that may fail within 5 minutes before it alarms."
  type        = number
  default     = 5
}

variable "answer_p95_ms" {
  description = "p95 answer latency (core.metrics AnswerLatency) above which the app alarms."
  type        = number
  default     = 3000
}

variable "email" {
  description = "Alarm mail recipient; empty for none."
  type        = string
}

resource "aws_sns_topic" "alarms" {
  name              = "${var.name}-alarms"
  kms_master_key_id = "alias/aws/sns"
}

resource "aws_sns_topic_subscription" "email" {
  count     = var.email == "" ? 0 : 1
  topic_arn = aws_sns_topic.alarms.arn
  protocol  = "email"
  endpoint  = var.email
}

resource "aws_cloudwatch_metric_alarm" "errors" {
  for_each            = var.function_names
  alarm_name          = "${each.value}-errors"
  alarm_description   = "The ${each.key} function raised errors (unhandled exceptions or timeouts)."
  namespace           = "AWS/Lambda"
  metric_name         = "Errors"
  dimensions          = { FunctionName = each.value }
  statistic           = "Sum"
  period              = 300
  evaluation_periods  = 1
  threshold           = 0
  comparison_operator = "GreaterThanThreshold"
  treat_missing_data  = "notBreaching"
  alarm_actions       = [aws_sns_topic.alarms.arn]
  ok_actions          = [aws_sns_topic.alarms.arn]
}

resource "aws_cloudwatch_metric_alarm" "throttles" {
  for_each            = var.function_names
  alarm_name          = "${each.value}-throttles"
  alarm_description   = "The ${each.key} function was throttled (concurrency limit reached)."
  namespace           = "AWS/Lambda"
  metric_name         = "Throttles"
  dimensions          = { FunctionName = each.value }
  statistic           = "Sum"
  period              = 300
  evaluation_periods  = 1
  threshold           = 0
  comparison_operator = "GreaterThanThreshold"
  treat_missing_data  = "notBreaching"
  alarm_actions       = [aws_sns_topic.alarms.arn]
}

resource "aws_cloudwatch_metric_alarm" "slow" {
  for_each            = var.function_names
  alarm_name          = "${each.value}-near-timeout"
  alarm_description   = "p95 duration of the ${each.key} function is above 80% of its timeout."
  namespace           = "AWS/Lambda"
  metric_name         = "Duration"
  dimensions          = { FunctionName = each.value }
  extended_statistic  = "p95"
  period              = 300
  evaluation_periods  = 3
  threshold           = var.timeout_seconds * 1000 * 0.8
  comparison_operator = "GreaterThanThreshold"
  treat_missing_data  = "notBreaching"
  alarm_actions       = [aws_sns_topic.alarms.arn]
}

resource "aws_cloudwatch_metric_alarm" "error_rate" {
  for_each            = var.function_names
  alarm_name          = "${each.value}-error-rate"
  alarm_description   = "More than ${var.error_rate_percent}% of the ${each.key} function's invocations failed."
  evaluation_periods  = 2
  threshold           = var.error_rate_percent
  comparison_operator = "GreaterThanThreshold"
  treat_missing_data  = "notBreaching"
  alarm_actions       = [aws_sns_topic.alarms.arn]
  ok_actions          = [aws_sns_topic.alarms.arn]

  metric_query {
    id          = "rate"
    expression  = "100 * errors / MAX([errors, invocations])"
    label       = "error rate (%)"
    return_data = true
  }
  metric_query {
    id = "errors"
    metric {
      namespace   = "AWS/Lambda"
      metric_name = "Errors"
      dimensions  = { FunctionName = each.value }
      stat        = "Sum"
      period      = 300
    }
  }
  metric_query {
    id = "invocations"
    metric {
      namespace   = "AWS/Lambda"
      metric_name = "Invocations"
      dimensions  = { FunctionName = each.value }
      stat        = "Sum"
      period      = 300
    }
  }
}

resource "aws_cloudwatch_metric_alarm" "answer_latency" {
  alarm_name          = "${var.name}-answer-latency-p95"
  alarm_description   = "p95 answer latency (question to stored answer) is above ${var.answer_p95_ms} ms."
  namespace           = "SalesTalk"
  metric_name         = "AnswerLatency"
  dimensions          = { service = "salestalk" }
  extended_statistic  = "p95"
  period              = 300
  evaluation_periods  = 3
  threshold           = var.answer_p95_ms
  comparison_operator = "GreaterThanThreshold"
  treat_missing_data  = "notBreaching"
  alarm_actions       = [aws_sns_topic.alarms.arn]
  ok_actions          = [aws_sns_topic.alarms.arn]
}

resource "aws_cloudwatch_metric_alarm" "http_5xx" {
  alarm_name          = "${var.name}-http-5xx"
  alarm_description   = "The HTTP API answered 5xx (the app failed or DynamoDB was unavailable)."
  namespace           = "AWS/ApiGateway"
  metric_name         = "5xx"
  dimensions          = { ApiId = var.http_api_id, Stage = "$default" }
  statistic           = "Sum"
  period              = 300
  evaluation_periods  = 1
  threshold           = 5
  comparison_operator = "GreaterThanThreshold"
  treat_missing_data  = "notBreaching"
  alarm_actions       = [aws_sns_topic.alarms.arn]
}

output "topic_arn" {
  value = aws_sns_topic.alarms.arn
}
