# Athena for tenants past one function's size (issue 12): a workgroup whose every query stops at
# a bytes-scanned limit, a results bucket whose objects expire, and the Glue database where
# imports register each tenant's dataset version as a table over its Parquet file.
variable "name" {
  description = "Prefix of the workgroup, bucket and database."
  type        = string
}

variable "bytes_scanned_cutoff" {
  description = "Per-query limit on bytes scanned (Athena bills $5 per TB scanned, 10 MB minimum per query)."
  type        = number
}

variable "results_expire_days" {
  description = "Days after which query results are deleted."
  type        = number
}

data "aws_caller_identity" "current" {}

locals {
  # Glue and Athena names: lowercase letters, digits and underscores.
  database = replace(lower("${var.name}_datasets"), "-", "_")
}

resource "aws_s3_bucket" "results" {
  #checkov:skip=CKV_AWS_18:Results are transient and expire; access logging would keep more than the data.
  #checkov:skip=CKV_AWS_144:Results are recomputable; replication doubles cost for nothing.
  #checkov:skip=CKV_AWS_145:SSE-S3 (AES256); SSE-KMS adds a KMS request per result and a key costing $1/month.
  #checkov:skip=CKV2_AWS_62:No consumer of bucket events exists.
  #checkov:skip=CKV_AWS_21:Results are written once and expire; versions would only keep them longer.
  bucket        = "${var.name}-athena-results-${data.aws_caller_identity.current.account_id}"
  force_destroy = true
}

resource "aws_s3_bucket_public_access_block" "results" {
  bucket                  = aws_s3_bucket.results.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

resource "aws_s3_bucket_ownership_controls" "results" {
  bucket = aws_s3_bucket.results.id
  rule {
    object_ownership = "BucketOwnerEnforced"
  }
}

resource "aws_s3_bucket_server_side_encryption_configuration" "results" {
  bucket = aws_s3_bucket.results.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = "AES256"
    }
  }
}

resource "aws_s3_bucket_lifecycle_configuration" "results" {
  bucket = aws_s3_bucket.results.id
  rule {
    id     = "expire-results"
    status = "Enabled"
    filter {}
    expiration {
      days = var.results_expire_days
    }
    abort_incomplete_multipart_upload {
      days_after_initiation = 1
    }
  }
}

resource "aws_s3_bucket_policy" "results" {
  bucket = aws_s3_bucket.results.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid       = "TlsOnly"
      Effect    = "Deny"
      Principal = "*"
      Action    = "s3:*"
      Resource  = [aws_s3_bucket.results.arn, "${aws_s3_bucket.results.arn}/*"]
      Condition = { Bool = { "aws:SecureTransport" = "false" } }
    }]
  })
  depends_on = [aws_s3_bucket_public_access_block.results]
}

resource "aws_athena_workgroup" "this" {
  name          = var.name
  force_destroy = true

  configuration {
    enforce_workgroup_configuration    = true
    publish_cloudwatch_metrics_enabled = true
    bytes_scanned_cutoff_per_query     = var.bytes_scanned_cutoff

    result_configuration {
      output_location = "s3://${aws_s3_bucket.results.bucket}/results/"
      encryption_configuration {
        encryption_option = "SSE_S3"
      }
    }
  }
}

resource "aws_glue_catalog_database" "this" {
  name        = local.database
  description = "One table per tenant dataset version, over its Parquet file (tenant_<id>_<version>)."
}

output "workgroup" {
  value = aws_athena_workgroup.this.name
}

output "workgroup_arn" {
  value = aws_athena_workgroup.this.arn
}

output "results_bucket_arn" {
  value = aws_s3_bucket.results.arn
}

output "results_bucket" {
  value = aws_s3_bucket.results.bucket
}

output "glue_database" {
  value = aws_glue_catalog_database.this.name
}
