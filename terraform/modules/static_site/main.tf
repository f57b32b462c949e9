# Static files (collectstatic) in a private S3 bucket behind CloudFront (origin access control),
# and a separate private bucket for uploads, which CloudFront never serves.
variable "name" {
  description = "Prefix of the bucket names (account id is appended for global uniqueness)."
  type        = string
}

variable "price_class" {
  description = "CloudFront price class."
  type        = string
}

variable "upload_origins" {
  description = "Origins of the pages that POST uploads straight to the uploads bucket (presigned POST)."
  type        = list(string)
  default     = []
}

data "aws_caller_identity" "current" {}

locals {
  buckets = {
    static  = "${var.name}-static-${data.aws_caller_identity.current.account_id}"
    uploads = "${var.name}-uploads-${data.aws_caller_identity.current.account_id}"
  }
}

resource "aws_s3_bucket" "this" {
  #checkov:skip=CKV_AWS_18:Access logging would need a third bucket and its storage; CloudFront and CloudTrail data events cover access where needed.
  #checkov:skip=CKV_AWS_144:Static files are rebuilt by every deploy and uploads are re-importable sources; cross-region replication doubles cost for no recovery need.
  #checkov:skip=CKV_AWS_145:SSE-S3 (AES256) encryption; SSE-KMS adds a KMS request per object read behind CloudFront and a key costing $1/month.
  #checkov:skip=CKV2_AWS_62:No consumer of bucket events exists.
  #checkov:skip=CKV2_AWS_6:False positive on the for_each instance "uploads": the public access block below covers every bucket of this for_each (checkov links only one instance).
  #checkov:skip=CKV2_AWS_61:False positive on the for_each instance "uploads": the lifecycle configuration below covers every bucket of this for_each.
  #checkov:skip=CKV_AWS_21:False positive on the for_each instance "uploads": versioning below is enabled on every bucket of this for_each.
  for_each      = local.buckets
  bucket        = each.value
  force_destroy = each.key == "static"
}

resource "aws_s3_bucket_public_access_block" "this" {
  for_each                = aws_s3_bucket.this
  bucket                  = each.value.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

resource "aws_s3_bucket_ownership_controls" "this" {
  for_each = aws_s3_bucket.this
  bucket   = each.value.id
  rule {
    object_ownership = "BucketOwnerEnforced"
  }
}

resource "aws_s3_bucket_server_side_encryption_configuration" "this" {
  for_each = aws_s3_bucket.this
  bucket   = each.value.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = "AES256"
    }
  }
}

resource "aws_s3_bucket_versioning" "this" {
  for_each = aws_s3_bucket.this
  bucket   = each.value.id
  versioning_configuration {
    status = "Enabled"
  }
}

resource "aws_s3_bucket_lifecycle_configuration" "this" {
  for_each = aws_s3_bucket.this
  bucket   = each.value.id

  rule {
    id     = "expire-old-versions"
    status = "Enabled"
    filter {}
    noncurrent_version_expiration {
      noncurrent_days = 30
    }
    abort_incomplete_multipart_upload {
      days_after_initiation = 1
    }
  }
}

# The page sends a dataset file straight to S3 with a presigned POST (metrics.uploads): only our own
# origin may, and only POST; the policy in the presigned form bounds the key, type and size.
resource "aws_s3_bucket_cors_configuration" "uploads" {
  count  = length(var.upload_origins) > 0 ? 1 : 0
  bucket = aws_s3_bucket.this["uploads"].id
  cors_rule {
    allowed_methods = ["POST"]
    allowed_origins = var.upload_origins
    allowed_headers = ["*"]
    expose_headers  = ["ETag", "Location"]
    max_age_seconds = 3000
  }
}

resource "aws_cloudfront_origin_access_control" "static" {
  name                              = local.buckets.static
  origin_access_control_origin_type = "s3"
  signing_behavior                  = "always"
  signing_protocol                  = "sigv4"
}

resource "aws_cloudfront_response_headers_policy" "static" {
  name = "${var.name}-static"

  security_headers_config {
    content_type_options {
      override = true
    }
    strict_transport_security {
      access_control_max_age_sec = 31536000
      include_subdomains         = true
      preload                    = true
      override                   = true
    }
    frame_options {
      frame_option = "DENY"
      override     = true
    }
  }
}

resource "aws_cloudfront_distribution" "static" {
  #checkov:skip=CKV_AWS_68:A WAF web ACL costs at least $5/month plus per-request fees; the distribution serves only public, hashed static files.
  #checkov:skip=CKV_AWS_86:Access logging needs a logging bucket; the files are public build artefacts.
  #checkov:skip=CKV_AWS_174:Uses the default *.cloudfront.net certificate, whose TLS policy CloudFront manages; a custom domain (docs/deployment.md) should set TLSv1.2_2021.
  #checkov:skip=CKV_AWS_310:A single S3 origin; an origin group would need a replica bucket (see CKV_AWS_144).
  #checkov:skip=CKV_AWS_374:Static files are served worldwide on purpose.
  #checkov:skip=CKV2_AWS_32:A response headers policy is attached to the default cache behaviour.
  #checkov:skip=CKV2_AWS_42:Custom domains and their certificates are optional (docs/deployment.md).
  #checkov:skip=CKV_AWS_305:The distribution serves only /static/ files; there is no root document.
  #checkov:skip=CKV2_AWS_47:No WAF (CKV_AWS_68), so no Log4j rule set; the origin is S3, not a Java application.
  enabled         = true
  is_ipv6_enabled = true
  comment         = "${var.name} static files"
  price_class     = var.price_class

  origin {
    domain_name              = aws_s3_bucket.this["static"].bucket_regional_domain_name
    origin_id                = "static"
    origin_access_control_id = aws_cloudfront_origin_access_control.static.id
  }

  default_cache_behavior {
    target_origin_id           = "static"
    viewer_protocol_policy     = "redirect-to-https"
    allowed_methods            = ["GET", "HEAD"]
    cached_methods             = ["GET", "HEAD"]
    compress                   = true
    cache_policy_id            = "658327ea-f89d-4fab-a63d-7e88639e58f6" # AWS managed CachingOptimized
    response_headers_policy_id = aws_cloudfront_response_headers_policy.static.id
  }

  restrictions {
    geo_restriction {
      restriction_type = "none"
    }
  }

  viewer_certificate {
    cloudfront_default_certificate = true
  }
}

resource "aws_s3_bucket_policy" "static" {
  bucket = aws_s3_bucket.this["static"].id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid       = "CloudFrontReadsStaticOnly"
        Effect    = "Allow"
        Principal = { Service = "cloudfront.amazonaws.com" }
        Action    = "s3:GetObject"
        Resource  = "${aws_s3_bucket.this["static"].arn}/static/*"
        Condition = { StringEquals = { "AWS:SourceArn" = aws_cloudfront_distribution.static.arn } }
      },
      {
        Sid       = "TlsOnly"
        Effect    = "Deny"
        Principal = "*"
        Action    = "s3:*"
        Resource  = [aws_s3_bucket.this["static"].arn, "${aws_s3_bucket.this["static"].arn}/*"]
        Condition = { Bool = { "aws:SecureTransport" = "false" } }
      },
    ]
  })
  depends_on = [aws_s3_bucket_public_access_block.this]
}

resource "aws_s3_bucket_policy" "uploads" {
  bucket = aws_s3_bucket.this["uploads"].id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid       = "TlsOnly"
      Effect    = "Deny"
      Principal = "*"
      Action    = "s3:*"
      Resource  = [aws_s3_bucket.this["uploads"].arn, "${aws_s3_bucket.this["uploads"].arn}/*"]
      Condition = { Bool = { "aws:SecureTransport" = "false" } }
    }]
  })
  depends_on = [aws_s3_bucket_public_access_block.this]
}

output "static_bucket" {
  value = aws_s3_bucket.this["static"].id
}

output "static_bucket_arn" {
  value = aws_s3_bucket.this["static"].arn
}

output "uploads_bucket" {
  value = aws_s3_bucket.this["uploads"].id
}

output "uploads_bucket_arn" {
  value = aws_s3_bucket.this["uploads"].arn
}

output "static_host" {
  value = aws_cloudfront_distribution.static.domain_name
}

output "distribution_id" {
  value = aws_cloudfront_distribution.static.id
}
