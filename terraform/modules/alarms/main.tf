# CloudWatch alarms to one SNS topic: function errors, throttles and near-timeouts, HTTP API 5xx.
# Alarms cost $0.10 each per month whatever the traffic; this set is 3 per function + 1.
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
