# One global (not per-tenant) table: on-demand, encrypted, point-in-time recovery, optional TTL.
variable "name" {
  description = "Table name."
  type        = string
}

variable "hash_key" {
  description = "Name of the string partition key."
  type        = string
}

variable "ttl_attribute" {
  description = "Epoch-seconds attribute DynamoDB expires items by; null for none."
  type        = string
  default     = null
}

variable "deletion_protection" {
  description = "Refuse DeleteTable."
  type        = bool
}

resource "aws_dynamodb_table" "this" {
  #checkov:skip=CKV_AWS_119:Encrypted with the AWS owned key (free); a customer managed KMS key costs $1/month per key, against the idle-cost goal, and adds no control we use.
  name                        = var.name
  billing_mode                = "PAY_PER_REQUEST"
  hash_key                    = var.hash_key
  deletion_protection_enabled = var.deletion_protection

  attribute {
    name = var.hash_key
    type = "S"
  }

  dynamic "ttl" {
    for_each = var.ttl_attribute == null ? [] : [var.ttl_attribute]
    content {
      attribute_name = ttl.value
      enabled        = true
    }
  }

  point_in_time_recovery {
    enabled = true
  }

  server_side_encryption {
    enabled = true
  }
}

output "name" {
  value = aws_dynamodb_table.this.name
}

output "arn" {
  value = aws_dynamodb_table.this.arn
}
